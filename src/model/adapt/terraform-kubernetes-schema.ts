// How the typed resources of the hashicorp/kubernetes provider nest, block by block, compared with the
// Kubernetes objects they create. Read from the provider's resource documentation (registry.terraform.io
// /providers/hashicorp/kubernetes/latest/docs/resources/*): a block documented as `Block List, Max: 1` is a
// single Kubernetes object, a repeated block is a Kubernetes list, usually under a plural name. Resources that
// newer provider versions write as nested attributes (`pod_selector = { … }` in kubernetes_network_policy_v1)
// lower to an object or a list of objects instead of blocks: the same entry converts both.

/** How one Terraform block becomes a Kubernetes field. */
export interface BlockRule {
  /** The Kubernetes field name when it is not the camelCase of the block type (`container` → `containers`). */
  readonly field?: string;
  /** A Kubernetes list; otherwise a single object, taken from the first block. */
  readonly list?: boolean;
  /**
   * Each nested block of each item becomes its own list entry: a projected volume's `sources` block may hold
   * several `secret` / `config_map` blocks, while a Kubernetes VolumeProjection holds exactly one source.
   */
  readonly flatten?: boolean;
  /**
   * The block's fields go into the enclosing object: a PersistentVolume's `persistent_volume_source { host_path {…} }`
   * is `spec.hostPath` in Kubernetes.
   */
  readonly inline?: boolean;
  /** Nested blocks by Terraform block type. */
  readonly blocks?: BlockTable;
  /** Attribute names that are neither camelCase nor one of `FIELD_NAMES` here. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Attributes and blocks the provider adds for itself (`wait_for_rollout`, `timeouts`): no Kubernetes field. */
  readonly drop?: readonly string[];
}

export type BlockTable = Readonly<Record<string, BlockRule>>;

/** One typed resource type. */
export interface ResourceRule {
  readonly kind: string;
  /** Fixed, or chosen from the body where the provider picks the API version from what is written. */
  readonly apiVersion: string | ((specHas: (name: string) => boolean) => string);
  readonly body: BlockRule;
}

/**
 * Attribute and block names whose Kubernetes field keeps an acronym in capitals, wherever they occur in the
 * provider's schema (each name has one meaning across the covered resources).
 */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  host_ipc: 'hostIPC',
  host_pid: 'hostPID',
  host_ip: 'hostIP',
  cluster_ip: 'clusterIP',
  cluster_ips: 'clusterIPs',
  external_ips: 'externalIPs',
  load_balancer_ip: 'loadBalancerIP',
  non_resource_urls: 'nonResourceURLs',
  client_ip: 'clientIP',
  downward_api: 'downwardAPI',
  ceph_fs: 'cephfs',
  data_disk_uri: 'diskURI',
  volume_id: 'volumeID',
  pd_id: 'pdID',
  dataset_uuid: 'datasetUUID',
  target_ww_ns: 'targetWWNs',
  run_as_username: 'runAsUserName',
  target_cpu_utilization_percentage: 'targetCPUUtilizationPercentage',
};

/**
 * Attributes the provider types as strings where Kubernetes has integers; the provider parses them before it
 * sends the object (`run_as_user = "0"` arrives as `runAsUser: 0`), so rules compare numbers.
 */
export const DECIMAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'run_as_user',
  'run_as_group',
  'fs_group',
  'replicas',
  'toleration_seconds',
  'ttl_seconds_after_finished',
]);

/** File modes the provider takes as octal strings (`default_mode = "0644"` is `defaultMode: 420`). */
export const OCTAL_ATTRIBUTES: ReadonlySet<string> = new Set(['mode', 'default_mode']);

/** Provider-only attributes and blocks at the top of every typed resource, and computed ones a plan carries. */
export const PROVIDER_ONLY: readonly string[] = [
  'id',
  'timeouts',
  'status',
  'wait_for_rollout',
  'wait_for_load_balancer',
  'wait_for_completion',
  'wait_for_default_service_account',
  'wait_for_service_account_token',
  'wait_until_bound',
  'target_state',
  // Computed by the provider for a ServiceAccount (deprecated): read back, never sent.
  'default_secret_name',
  // Write-only variants of Secret data are never stored nor sent as a field of that name.
  'data_wo',
  'binary_data_wo',
  'data_wo_revision',
];

const SINGLE: BlockRule = {};
const LIST: BlockRule = { list: true };

const LABEL_SELECTOR: BlockRule = { blocks: { match_expressions: LIST } };
const METADATA: BlockRule = SINGLE;

const HTTP_GET: BlockRule = { blocks: { http_header: { field: 'httpHeaders', list: true } } };
// `tcp_socket` and `grpc` are repeated blocks in the provider, single objects in Kubernetes.
const PROBE: BlockRule = { blocks: { exec: SINGLE, http_get: HTTP_GET, tcp_socket: SINGLE, grpc: SINGLE } };
const LIFECYCLE_HANDLER: BlockRule = { blocks: { exec: SINGLE, http_get: HTTP_GET, tcp_socket: SINGLE, sleep: SINGLE } };

const SECURITY_CONTEXT: BlockRule = {
  blocks: { capabilities: SINGLE, se_linux_options: SINGLE, seccomp_profile: SINGLE, app_armor_profile: SINGLE, windows_options: SINGLE },
};

const POD_SECURITY_CONTEXT: BlockRule = {
  blocks: {
    se_linux_options: SINGLE,
    seccomp_profile: SINGLE,
    app_armor_profile: SINGLE,
    windows_options: SINGLE,
    sysctl: { field: 'sysctls', list: true },
  },
};

const CONTAINER_BLOCKS: BlockTable = {
  env: {
    list: true,
    blocks: { value_from: { blocks: { config_map_key_ref: SINGLE, field_ref: SINGLE, resource_field_ref: SINGLE, secret_key_ref: SINGLE } } },
  },
  env_from: { list: true, blocks: { config_map_ref: SINGLE, secret_ref: SINGLE } },
  lifecycle: { blocks: { post_start: LIFECYCLE_HANDLER, pre_stop: LIFECYCLE_HANDLER } },
  liveness_probe: PROBE,
  readiness_probe: PROBE,
  startup_probe: PROBE,
  port: { field: 'ports', list: true },
  resources: SINGLE,
  security_context: SECURITY_CONTEXT,
  volume_mount: { field: 'volumeMounts', list: true },
  volume_device: { field: 'volumeDevices', list: true },
};

const KEY_TO_PATH_ITEMS: BlockRule = { list: true };
const DOWNWARD_API_ITEMS: BlockRule = { list: true, blocks: { field_ref: SINGLE, resource_field_ref: SINGLE } };

const PVC_SPEC: BlockRule = { blocks: { resources: SINGLE, selector: LABEL_SELECTOR, data_source: SINGLE, data_source_ref: SINGLE } };

const VOLUME: BlockRule = {
  field: 'volumes',
  list: true,
  blocks: {
    aws_elastic_block_store: SINGLE,
    azure_disk: SINGLE,
    azure_file: SINGLE,
    ceph_fs: { blocks: { secret_ref: SINGLE } },
    cinder: SINGLE,
    config_map: { blocks: { items: KEY_TO_PATH_ITEMS } },
    csi: { blocks: { node_publish_secret_ref: SINGLE } },
    downward_api: { blocks: { items: DOWNWARD_API_ITEMS } },
    empty_dir: SINGLE,
    ephemeral: { blocks: { volume_claim_template: { blocks: { metadata: METADATA, spec: PVC_SPEC } } } },
    fc: SINGLE,
    flex_volume: { blocks: { secret_ref: SINGLE } },
    flocker: SINGLE,
    gce_persistent_disk: SINGLE,
    git_repo: SINGLE,
    glusterfs: { attributes: { endpoints_name: 'endpoints' } },
    host_path: SINGLE,
    iscsi: SINGLE,
    local: SINGLE,
    nfs: SINGLE,
    persistent_volume_claim: SINGLE,
    photon_persistent_disk: SINGLE,
    projected: {
      blocks: {
        sources: {
          list: true,
          flatten: true,
          blocks: {
            config_map: { blocks: { items: KEY_TO_PATH_ITEMS } },
            downward_api: { blocks: { items: DOWNWARD_API_ITEMS } },
            secret: { blocks: { items: KEY_TO_PATH_ITEMS } },
            service_account_token: SINGLE,
          },
        },
      },
    },
    quobyte: SINGLE,
    rbd: { attributes: { ceph_monitors: 'monitors', rbd_image: 'image', rbd_pool: 'pool', rados_user: 'user' }, blocks: { secret_ref: SINGLE } },
    secret: { blocks: { items: KEY_TO_PATH_ITEMS } },
    vsphere_volume: SINGLE,
  },
};

const NODE_SELECTOR_TERM: BlockTable = { match_expressions: LIST, match_fields: LIST };
const POD_AFFINITY_TERM: BlockTable = { label_selector: LABEL_SELECTOR, namespace_selector: LABEL_SELECTOR };
const POD_AFFINITY: BlockRule = {
  blocks: {
    // Unlike node affinity, the required pod affinity terms are a list in both.
    required_during_scheduling_ignored_during_execution: { list: true, blocks: POD_AFFINITY_TERM },
    preferred_during_scheduling_ignored_during_execution: { list: true, blocks: { pod_affinity_term: { blocks: POD_AFFINITY_TERM } } },
  },
};

const AFFINITY: BlockRule = {
  blocks: {
    node_affinity: {
      blocks: {
        required_during_scheduling_ignored_during_execution: { blocks: { node_selector_term: { field: 'nodeSelectorTerms', list: true, blocks: NODE_SELECTOR_TERM } } },
        preferred_during_scheduling_ignored_during_execution: { list: true, blocks: { preference: { blocks: NODE_SELECTOR_TERM } } },
      },
    },
    pod_affinity: POD_AFFINITY,
    pod_anti_affinity: POD_AFFINITY,
  },
};

const POD_SPEC: BlockRule = {
  blocks: {
    affinity: AFFINITY,
    container: { field: 'containers', list: true, blocks: CONTAINER_BLOCKS },
    init_container: { field: 'initContainers', list: true, blocks: CONTAINER_BLOCKS },
    dns_config: { blocks: { option: { field: 'options', list: true } } },
    host_aliases: LIST,
    image_pull_secrets: LIST,
    os: SINGLE,
    readiness_gate: { field: 'readinessGates', list: true },
    security_context: POD_SECURITY_CONTEXT,
    toleration: { field: 'tolerations', list: true },
    topology_spread_constraint: { field: 'topologySpreadConstraints', list: true, blocks: { label_selector: LABEL_SELECTOR } },
    volume: VOLUME,
  },
};

const POD_TEMPLATE: BlockRule = { blocks: { metadata: METADATA, spec: POD_SPEC } };
const ROLLING: BlockRule = { blocks: { rolling_update: SINGLE } };

const JOB_SPEC: BlockRule = {
  blocks: {
    pod_failure_policy: {
      blocks: { rule: { field: 'rules', list: true, blocks: { on_exit_codes: SINGLE, on_pod_condition: { field: 'onPodConditions', list: true } } } },
    },
    selector: LABEL_SELECTOR,
    template: POD_TEMPLATE,
  },
};

const CRON_JOB_SPEC: BlockRule = { attributes: { timezone: 'timeZone' }, blocks: { job_template: { blocks: { metadata: METADATA, spec: JOB_SPEC } } } };

const INGRESS_V1_BACKEND: BlockRule = { blocks: { resource: SINGLE, service: { blocks: { port: SINGLE } } } };
const NETWORK_POLICY_PEER: BlockTable = { ip_block: SINGLE, namespace_selector: LABEL_SELECTOR, pod_selector: LABEL_SELECTOR };
const METRIC_IDENTIFIER: BlockRule = { blocks: { selector: LABEL_SELECTOR } };
const HPA_SCALING: BlockRule = { blocks: { policy: { field: 'policies', list: true } } };

const RULES_LIST: BlockRule = { field: 'rules', list: true };

/** Only `metadata` and `spec` differ between resources; every resource has a single `metadata` block. */
function resource(kind: string, apiVersion: ResourceRule['apiVersion'], blocks: BlockTable = {}, attributes?: Record<string, string>): ResourceRule {
  return { kind, apiVersion, body: { blocks: { metadata: METADATA, ...blocks }, drop: PROVIDER_ONLY, ...(attributes ? { attributes } : {}) } };
}

function spec(blocks: BlockTable): BlockTable {
  return { spec: { blocks } };
}

const TYPED: ReadonlyArray<readonly [readonly string[], ResourceRule]> = [
  [['pod', 'pod_v1'], resource('Pod', 'v1', { spec: POD_SPEC })],
  [['deployment', 'deployment_v1'], resource('Deployment', 'apps/v1', spec({ selector: LABEL_SELECTOR, strategy: ROLLING, template: POD_TEMPLATE }))],
  [
    ['stateful_set', 'stateful_set_v1'],
    resource(
      'StatefulSet',
      'apps/v1',
      spec({
        selector: LABEL_SELECTOR,
        template: POD_TEMPLATE,
        update_strategy: ROLLING,
        volume_claim_template: { field: 'volumeClaimTemplates', list: true, blocks: { metadata: METADATA, spec: PVC_SPEC } },
        persistent_volume_claim_retention_policy: SINGLE,
      }),
    ),
  ],
  // The provider calls the DaemonSet update strategy `strategy`, like a Deployment's.
  [
    ['daemonset', 'daemon_set', 'daemon_set_v1'],
    resource('DaemonSet', 'apps/v1', spec({ selector: LABEL_SELECTOR, strategy: { ...ROLLING, field: 'updateStrategy' }, template: POD_TEMPLATE })),
  ],
  // A ReplicationController's `selector` is a map attribute, not a label selector block.
  [['replication_controller', 'replication_controller_v1'], resource('ReplicationController', 'v1', spec({ template: POD_TEMPLATE }))],
  [['job', 'job_v1'], resource('Job', 'batch/v1', { spec: JOB_SPEC })],
  [['cron_job'], resource('CronJob', 'batch/v1beta1', { spec: CRON_JOB_SPEC })],
  [['cron_job_v1'], resource('CronJob', 'batch/v1', { spec: CRON_JOB_SPEC })],
  [
    ['service', 'service_v1'],
    resource('Service', 'v1', spec({ port: { field: 'ports', list: true }, session_affinity_config: { blocks: { client_ip: SINGLE } } })),
  ],
  [
    ['ingress_v1'],
    resource(
      'Ingress',
      'networking.k8s.io/v1',
      spec({
        default_backend: INGRESS_V1_BACKEND,
        rule: { ...RULES_LIST, blocks: { http: { blocks: { path: { field: 'paths', list: true, blocks: { backend: INGRESS_V1_BACKEND } } } } } },
        tls: LIST,
      }),
    ),
  ],
  // The provider's unversioned Ingress is the extensions/v1beta1 shape (`backend.service_name`).
  [
    ['ingress'],
    resource(
      'Ingress',
      'extensions/v1beta1',
      spec({ backend: SINGLE, rule: { ...RULES_LIST, blocks: { http: { blocks: { path: { field: 'paths', list: true, blocks: { backend: SINGLE } } } } } }, tls: LIST }),
    ),
  ],
  [
    ['network_policy', 'network_policy_v1'],
    resource(
      'NetworkPolicy',
      'networking.k8s.io/v1',
      spec({
        pod_selector: LABEL_SELECTOR,
        ingress: { list: true, blocks: { from: { list: true, blocks: NETWORK_POLICY_PEER }, ports: LIST } },
        egress: { list: true, blocks: { to: { list: true, blocks: NETWORK_POLICY_PEER }, ports: LIST } },
      }),
    ),
  ],
  [['role', 'role_v1'], resource('Role', 'rbac.authorization.k8s.io/v1', { rule: RULES_LIST })],
  [
    ['cluster_role', 'cluster_role_v1'],
    resource('ClusterRole', 'rbac.authorization.k8s.io/v1', {
      rule: RULES_LIST,
      aggregation_rule: { blocks: { cluster_role_selectors: { list: true, blocks: { match_expressions: LIST } } } },
    }),
  ],
  [['role_binding', 'role_binding_v1'], resource('RoleBinding', 'rbac.authorization.k8s.io/v1', { role_ref: SINGLE, subject: { field: 'subjects', list: true } })],
  [
    ['cluster_role_binding', 'cluster_role_binding_v1'],
    resource('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', { role_ref: SINGLE, subject: { field: 'subjects', list: true } }),
  ],
  [
    ['service_account', 'service_account_v1'],
    resource('ServiceAccount', 'v1', { image_pull_secret: { field: 'imagePullSecrets', list: true }, secret: { field: 'secrets', list: true } }),
  ],
  [['namespace', 'namespace_v1'], resource('Namespace', 'v1')],
  [['config_map', 'config_map_v1'], resource('ConfigMap', 'v1')],
  // The provider's `data` is plain text that it base64-encodes on the way: the values are kept as written, under
  // `stringData`, the Kubernetes field for plain values (under `data` they would read as invalid base64);
  // `binary_data` is already base64, which is what Kubernetes `data` holds.
  [['secret', 'secret_v1'], resource('Secret', 'v1', {}, { data: 'stringData', binary_data: 'data' })],
  [['limit_range', 'limit_range_v1'], resource('LimitRange', 'v1', spec({ limit: { field: 'limits', list: true } }))],
  [
    ['resource_quota', 'resource_quota_v1'],
    resource('ResourceQuota', 'v1', spec({ scope_selector: { blocks: { match_expression: { field: 'matchExpressions', list: true } } } })),
  ],
  // The unversioned autoscaler is autoscaling/v1 unless `metric` or `behavior` is written (then v2beta2).
  [
    ['horizontal_pod_autoscaler'],
    resource('HorizontalPodAutoscaler', (has) => (has('metric') || has('behavior') ? 'autoscaling/v2beta2' : 'autoscaling/v1'), hpaSpec()),
  ],
  [['horizontal_pod_autoscaler_v1'], resource('HorizontalPodAutoscaler', 'autoscaling/v1', spec({ scale_target_ref: SINGLE }))],
  [['horizontal_pod_autoscaler_v2'], resource('HorizontalPodAutoscaler', 'autoscaling/v2', hpaSpec())],
  [['horizontal_pod_autoscaler_v2beta2'], resource('HorizontalPodAutoscaler', 'autoscaling/v2beta2', hpaSpec())],
  [['pod_disruption_budget'], resource('PodDisruptionBudget', 'policy/v1beta1', spec({ selector: LABEL_SELECTOR }))],
  [['pod_disruption_budget_v1'], resource('PodDisruptionBudget', 'policy/v1', spec({ selector: LABEL_SELECTOR }))],
  [['priority_class', 'priority_class_v1'], resource('PriorityClass', 'scheduling.k8s.io/v1')],
  [['persistent_volume_claim', 'persistent_volume_claim_v1'], resource('PersistentVolumeClaim', 'v1', { spec: PVC_SPEC })],
  [
    ['persistent_volume', 'persistent_volume_v1'],
    resource(
      'PersistentVolume',
      'v1',
      spec({
        persistent_volume_source: { inline: true, blocks: { ...VOLUME.blocks, host_path: SINGLE } },
        claim_ref: SINGLE,
        node_affinity: { blocks: { required: { blocks: { node_selector_term: { field: 'nodeSelectorTerms', list: true, blocks: { match_expressions: LIST, match_fields: LIST } } } } } },
      }),
    ),
  ],
  [
    ['storage_class', 'storage_class_v1'],
    resource(
      'StorageClass',
      'storage.k8s.io/v1',
      { allowed_topologies: { list: true, blocks: { match_label_expressions: { field: 'matchLabelExpressions', list: true } } } },
      { storage_provisioner: 'provisioner' },
    ),
  ],
];

function hpaSpec(): BlockTable {
  return spec({
    scale_target_ref: SINGLE,
    metric: {
      field: 'metrics',
      list: true,
      blocks: {
        container_resource: { blocks: { target: SINGLE } },
        external: { blocks: { metric: METRIC_IDENTIFIER, target: SINGLE } },
        object: { blocks: { described_object: SINGLE, metric: METRIC_IDENTIFIER, target: SINGLE } },
        pods: { blocks: { metric: METRIC_IDENTIFIER, target: SINGLE } },
        resource: { blocks: { target: SINGLE } },
      },
    },
    behavior: { blocks: { scale_up: HPA_SCALING, scale_down: HPA_SCALING } },
  });
}

/** Typed resources by provider resource type (`kubernetes_deployment_v1`). */
export const TYPED_RESOURCES: ReadonlyMap<string, ResourceRule> = new Map(TYPED.flatMap(([names, rule]) => names.map((name) => [`kubernetes_${name}`, rule] as const)));
