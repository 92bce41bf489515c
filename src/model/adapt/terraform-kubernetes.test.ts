import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runRules } from '../../engine/run-rules.js';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import type { NodeSpan, ParsedDocument, PlainValue, TerraformReference } from '../../parse/kubernetes/types.js';
import { hostNamespaceShared } from '../../rules/k8s/host-namespace-shared.js';
import { hostPathMounted } from '../../rules/k8s/host-path-mounted.js';
import { imageNotPinned } from '../../rules/k8s/image-not-pinned.js';
import { privilegedContainer } from '../../rules/k8s/privileged-container.js';
import { runsAsRoot } from '../../rules/k8s/runs-as-root.js';
import { schemaInvalidField } from '../../rules/k8s/schema-invalid-field.js';
import { serviceExposedExternally } from '../../rules/k8s/service-exposed-externally.js';
import { SourceFile } from '../../source/source-file.js';
import type { K8sObject } from '../kubernetes.js';
import type { TfResource } from '../terraform.js';
import { Node } from '../value.js';
import { buildModel } from './kubernetes.js';
import { convertTerraformKubernetes, kubernetesObjectsFromTerraform } from './terraform-kubernetes.js';

interface Facts {
  readonly unknown?: readonly string[];
  readonly references?: ReadonlyArray<readonly [string, TerraformReference]>;
}

/** A TfResource in the evaluator's lowered shape, written as YAML so that spans point into `text`. */
function tfResource(resourceType: string, text: string, facts: Facts = {}, options: { mode?: 'managed' | 'data'; path?: string } = {}): TfResource {
  const file = new SourceFile(options.path ?? 'main.tf', text);
  const [parsed] = loadYamlStream(file);
  assert.ok(parsed && !parsed.error, `fixture of ${resourceType} parses`);
  const doc: ParsedDocument =
    facts.unknown || facts.references
      ? {
          ...parsed,
          terraform: {
            unknown: new Set(facts.unknown ?? []),
            references: new Map((facts.references ?? []).map(([pointer, reference]) => [pointer, [reference]])),
            setBy: new Map(),
          },
        }
      : parsed;
  const mode = options.mode ?? 'managed';
  const configAddress = `${mode === 'data' ? 'data.' : ''}${resourceType}.this`;
  return {
    type: `tf:${mode === 'data' ? 'data.' : ''}${resourceType}`,
    mode,
    resourceType,
    name: 'this',
    address: configAddress,
    configAddress,
    key: undefined,
    modulePath: [],
    file,
    doc,
    root: Node.root(doc),
    source: 'configuration',
  };
}

function convertOne(resource: TfResource): K8sObject {
  const objects = kubernetesObjectsFromTerraform([resource]);
  assert.equal(objects.length, 1, `${resource.resourceType} converts to one object`);
  return objects[0] as K8sObject;
}

/** 1-based line of the first line of `text` holding `needle` (searched from `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  assert.notEqual(at, -1, `fixture holds ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** 1-based line where the converted value at `pointer` starts (its key when it has one). */
function lineAt(object: K8sObject, pointer: string): number {
  const span = object.doc.spans.get(pointer);
  assert.ok(span, `span for ${pointer}`);
  return object.file.spanOf(span.keyStart ?? span.start, span.end).start.line;
}

const DEPLOYMENT = `metadata:
  - name: vllm
    namespace: serving
    labels: { app: vllm, app.kubernetes.io/part-of: llm }
    annotations: { team: ml }
spec:
  - replicas: "2"
    selector:
      - match_labels: { app: vllm }
    strategy:
      - type: RollingUpdate
        rolling_update:
          - max_surge: 25%
            max_unavailable: "0"
    template:
      - metadata:
          - labels: { app: vllm }
        spec:
          - service_account_name: vllm
            automount_service_account_token: false
            host_pid: true
            host_ipc: false
            node_selector: { nvidia.com/gpu.present: "true" }
            security_context:
              - run_as_user: "1000"
                fs_group: "2000"
                run_as_non_root: true
                sysctl:
                  - name: net.core.somaxconn
                    value: "1024"
            init_container:
              - name: fetch
                image: amazon/aws-cli:2.15.0
                command: [aws, s3, sync]
            container:
              - name: vllm
                image: vllm/vllm-openai:latest
                args: [--model, /models/llama]
                port:
                  - container_port: 8000
                    host_port: 8000
                env:
                  - name: HF_TOKEN
                    value_from:
                      - secret_key_ref:
                          - name: hf
                            key: token
                env_from:
                  - config_map_ref:
                      - name: vllm-config
                resources:
                  - limits: { nvidia.com/gpu: "1", memory: 32Gi }
                    requests: { cpu: "4" }
                security_context:
                  - privileged: true
                    allow_privilege_escalation: true
                    capabilities:
                      - add: [NET_ADMIN]
                        drop: [ALL]
                liveness_probe:
                  - http_get:
                      - path: /health
                        port: "8000"
                        http_header:
                          - name: X-Probe
                            value: "1"
                    initial_delay_seconds: 30
                volume_mount:
                  - name: cache
                    mount_path: /root/.cache/huggingface
                  - name: creds
                    mount_path: /var/run/creds
                    read_only: true
            toleration:
              - key: nvidia.com/gpu
                operator: Exists
                effect: NoSchedule
                toleration_seconds: "300"
            affinity:
              - node_affinity:
                  - required_during_scheduling_ignored_during_execution:
                      - node_selector_term:
                          - match_expressions:
                              - key: gpu
                                operator: In
                                values: [a100]
            volume:
              - name: cache
                host_path:
                  - path: /var/lib/kubelet
                    type: Directory
              - name: creds
                projected:
                  - default_mode: "0440"
                    sources:
                      - secret:
                          - name: s3
                          - name: hf
                            items:
                              - key: token
                                path: token
                      - service_account_token:
                          - path: token
                            audience: sts.amazonaws.com
                            expiration_seconds: 3600
              - name: cfg
                config_map:
                  - name: vllm-config
                    default_mode: "0644"
              - name: scratch
                empty_dir:
                  - medium: Memory
                    size_limit: 1Gi
wait_for_rollout: false
timeouts:
  - create: 10m
`;

const EXPECTED_POD_SPEC: PlainValue = {
  serviceAccountName: 'vllm',
  automountServiceAccountToken: false,
  hostPID: true,
  hostIPC: false,
  nodeSelector: { 'nvidia.com/gpu.present': 'true' },
  securityContext: { runAsUser: 1000, fsGroup: 2000, runAsNonRoot: true, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
  initContainers: [{ name: 'fetch', image: 'amazon/aws-cli:2.15.0', command: ['aws', 's3', 'sync'] }],
  containers: [
    {
      name: 'vllm',
      image: 'vllm/vllm-openai:latest',
      args: ['--model', '/models/llama'],
      ports: [{ containerPort: 8000, hostPort: 8000 }],
      env: [{ name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf', key: 'token' } } }],
      envFrom: [{ configMapRef: { name: 'vllm-config' } }],
      resources: { limits: { 'nvidia.com/gpu': '1', memory: '32Gi' }, requests: { cpu: '4' } },
      securityContext: { privileged: true, allowPrivilegeEscalation: true, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } },
      livenessProbe: { httpGet: { path: '/health', port: '8000', httpHeaders: [{ name: 'X-Probe', value: '1' }] }, initialDelaySeconds: 30 },
      volumeMounts: [
        { name: 'cache', mountPath: '/root/.cache/huggingface' },
        { name: 'creds', mountPath: '/var/run/creds', readOnly: true },
      ],
    },
  ],
  tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 300 }],
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'In', values: ['a100'] }] }] },
    },
  },
  volumes: [
    { name: 'cache', hostPath: { path: '/var/lib/kubelet', type: 'Directory' } },
    {
      name: 'creds',
      projected: {
        defaultMode: 0o440,
        sources: [
          { secret: { name: 's3' } },
          { secret: { name: 'hf', items: [{ key: 'token', path: 'token' }] } },
          { serviceAccountToken: { path: 'token', audience: 'sts.amazonaws.com', expirationSeconds: 3600 } },
        ],
      },
    },
    { name: 'cfg', configMap: { name: 'vllm-config', defaultMode: 0o644 } },
    { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
  ],
};

const EXPECTED_DEPLOYMENT: PlainValue = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'vllm', namespace: 'serving', labels: { app: 'vllm', 'app.kubernetes.io/part-of': 'llm' }, annotations: { team: 'ml' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'vllm' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '0' } },
    template: { metadata: { labels: { app: 'vllm' } }, spec: EXPECTED_POD_SPEC },
  },
};

const MINIMAL_POD_SPEC = `          - container:
              - name: job
                image: busybox:1.36
`;

interface ConversionCase {
  readonly name: string;
  readonly resourceType: string;
  readonly tf: string;
  readonly expected: PlainValue;
}

const CASES: readonly ConversionCase[] = [
  { name: 'deployment: pod template, containers, probes, volumes, projected sources', resourceType: 'kubernetes_deployment_v1', tf: DEPLOYMENT, expected: EXPECTED_DEPLOYMENT },
  {
    name: 'unversioned pod: the spec block is the PodSpec; target_state is the provider’s',
    resourceType: 'kubernetes_pod',
    tf: `metadata:
  - name: debug
spec:
  - host_network: true
    dns_config:
      - nameservers: [1.1.1.1]
        option:
          - name: ndots
            value: "2"
    host_aliases:
      - ip: 10.0.0.1
        hostnames: [models.internal]
    image_pull_secrets:
      - name: regcred
    readiness_gate:
      - condition_type: example.com/ready
    container:
      - name: debug
        image: busybox@sha256:${'0'.repeat(64)}
        security_context:
          - run_as_user: "0"
            seccomp_profile:
              - type: Unconfined
        startup_probe:
          - tcp_socket:
              - port: "8080"
        readiness_probe:
          - grpc:
              - port: 9000
        lifecycle:
          - pre_stop:
              - exec:
                  - command: [sleep, "5"]
target_state: [Running]
`,
    expected: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug' },
      spec: {
        hostNetwork: true,
        dnsConfig: { nameservers: ['1.1.1.1'], options: [{ name: 'ndots', value: '2' }] },
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['models.internal'] }],
        imagePullSecrets: [{ name: 'regcred' }],
        readinessGates: [{ conditionType: 'example.com/ready' }],
        containers: [
          {
            name: 'debug',
            image: `busybox@sha256:${'0'.repeat(64)}`,
            securityContext: { runAsUser: 0, seccompProfile: { type: 'Unconfined' } },
            startupProbe: { tcpSocket: { port: '8080' } },
            readinessProbe: { grpc: { port: 9000 } },
            lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
          },
        ],
      },
    },
  },
  {
    name: 'stateful set: volume claim templates and update strategy',
    resourceType: 'kubernetes_stateful_set_v1',
    tf: `metadata:
  - name: triton
    namespace: serving
spec:
  - service_name: triton
    replicas: "1"
    pod_management_policy: Parallel
    selector:
      - match_labels: { app: triton }
    update_strategy:
      - type: RollingUpdate
        rolling_update:
          - partition: 0
    persistent_volume_claim_retention_policy:
      - when_deleted: Retain
    template:
      - metadata:
          - labels: { app: triton }
        spec:
${MINIMAL_POD_SPEC}    volume_claim_template:
      - metadata:
          - name: models
        spec:
          - access_modes: [ReadWriteOnce]
            storage_class_name: gp3
            resources:
              - requests: { storage: 100Gi }
`,
    expected: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'triton', namespace: 'serving' },
      spec: {
        serviceName: 'triton',
        replicas: 1,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: { app: 'triton' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' },
        template: { metadata: { labels: { app: 'triton' } }, spec: { containers: [{ name: 'job', image: 'busybox:1.36' }] } },
        volumeClaimTemplates: [
          { metadata: { name: 'models' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '100Gi' } } } },
        ],
      },
    },
  },
  {
    name: 'daemonset: the provider’s strategy is the update strategy',
    resourceType: 'kubernetes_daemonset',
    tf: `metadata:
  - name: dcgm
spec:
  - selector:
      - match_labels: { app: dcgm }
    strategy:
      - type: RollingUpdate
        rolling_update:
          - max_unavailable: "1"
    template:
      - metadata:
          - labels: { app: dcgm }
        spec:
${MINIMAL_POD_SPEC}`,
    expected: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'dcgm' },
      spec: {
        selector: { matchLabels: { app: 'dcgm' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '1' } },
        template: { metadata: { labels: { app: 'dcgm' } }, spec: { containers: [{ name: 'job', image: 'busybox:1.36' }] } },
      },
    },
  },
  {
    name: 'replication controller: selector is a map',
    resourceType: 'kubernetes_replication_controller_v1',
    tf: `metadata:
  - name: legacy
spec:
  - replicas: "3"
    selector: { app: legacy }
    template:
      - metadata:
          - labels: { app: legacy }
        spec:
${MINIMAL_POD_SPEC}`,
    expected: {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy' },
      spec: {
        replicas: 3,
        selector: { app: 'legacy' },
        template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'job', image: 'busybox:1.36' }] } },
      },
    },
  },
  {
    name: 'job: pod failure policy rules and on_pod_condition list',
    resourceType: 'kubernetes_job_v1',
    tf: `metadata:
  - name: eval
spec:
  - backoff_limit: 2
    ttl_seconds_after_finished: "600"
    pod_failure_policy:
      - rule:
          - action: Ignore
            on_pod_condition:
              - type: DisruptionTarget
                status: "True"
          - action: FailJob
            on_exit_codes:
              - operator: In
                values: [42]
    template:
      - metadata:
          - labels: { app: eval }
        spec:
          - restart_policy: Never
            container:
              - name: job
                image: busybox:1.36
wait_for_completion: true
`,
    expected: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'eval' },
      spec: {
        backoffLimit: 2,
        ttlSecondsAfterFinished: 600,
        podFailurePolicy: {
          rules: [
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
            { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } },
          ],
        },
        template: { metadata: { labels: { app: 'eval' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox:1.36' }] } },
      },
    },
  },
  {
    name: 'cron job v1: job_template and timezone',
    resourceType: 'kubernetes_cron_job_v1',
    tf: `metadata:
  - name: refresh
spec:
  - schedule: "0 * * * *"
    timezone: Etc/UTC
    concurrency_policy: Forbid
    job_template:
      - metadata:
          - labels: { app: refresh }
        spec:
          - template:
              - metadata:
                  - labels: { app: refresh }
                spec:
${MINIMAL_POD_SPEC.replace(/^/gm, '        ')}`,
    expected: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'refresh' },
      spec: {
        schedule: '0 * * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        jobTemplate: {
          metadata: { labels: { app: 'refresh' } },
          spec: { template: { metadata: { labels: { app: 'refresh' } }, spec: { containers: [{ name: 'job', image: 'busybox:1.36' }] } } },
        },
      },
    },
  },
  {
    name: 'service: acronym fields, ports, selector map, session affinity',
    resourceType: 'kubernetes_service_v1',
    tf: `metadata:
  - name: vllm
    namespace: serving
    annotations: { service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing }
spec:
  - type: LoadBalancer
    selector: { app: vllm }
    cluster_ip: 10.0.0.10
    external_ips: [203.0.113.7]
    load_balancer_ip: 203.0.113.8
    load_balancer_source_ranges: [0.0.0.0/0]
    external_traffic_policy: Local
    port:
      - name: http
        port: 80
        target_port: "8000"
        protocol: TCP
    session_affinity: ClientIP
    session_affinity_config:
      - client_ip:
          - timeout_seconds: 300
wait_for_load_balancer: true
`,
    expected: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'vllm', namespace: 'serving', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' } },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'vllm' },
        clusterIP: '10.0.0.10',
        externalIPs: ['203.0.113.7'],
        loadBalancerIP: '203.0.113.8',
        loadBalancerSourceRanges: ['0.0.0.0/0'],
        externalTrafficPolicy: 'Local',
        ports: [{ name: 'http', port: 80, targetPort: '8000', protocol: 'TCP' }],
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 300 } },
      },
    },
  },
  {
    name: 'ingress v1: rules, paths, backend service port, tls',
    resourceType: 'kubernetes_ingress_v1',
    tf: `metadata:
  - name: llm
spec:
  - ingress_class_name: nginx
    default_backend:
      - service:
          - name: fallback
            port:
              - number: 80
    rule:
      - host: llm.example.com
        http:
          - path:
              - path: /v1
                path_type: Prefix
                backend:
                  - service:
                      - name: vllm
                        port:
                          - number: 8000
    tls:
      - hosts: [llm.example.com]
        secret_name: llm-tls
`,
    expected: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'llm' },
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
        rules: [{ host: 'llm.example.com', http: { paths: [{ path: '/v1', pathType: 'Prefix', backend: { service: { name: 'vllm', port: { number: 8000 } } } }] } }],
        tls: [{ hosts: ['llm.example.com'], secretName: 'llm-tls' }],
      },
    },
  },
  {
    name: 'unversioned ingress: extensions/v1beta1 backend shape',
    resourceType: 'kubernetes_ingress',
    tf: `metadata:
  - name: old
spec:
  - backend:
      - service_name: vllm
        service_port: "8000"
    rule:
      - http:
          - path:
              - path: /app
                backend:
                  - service_name: vllm
                    service_port: "8000"
`,
    expected: {
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'old' },
      spec: {
        backend: { serviceName: 'vllm', servicePort: '8000' },
        rules: [{ http: { paths: [{ path: '/app', backend: { serviceName: 'vllm', servicePort: '8000' } }] } }],
      },
    },
  },
  {
    name: 'network policy: empty pod selector, peers and ports lists',
    resourceType: 'kubernetes_network_policy_v1',
    tf: `metadata:
  - name: default-deny
    namespace: serving
spec:
  - pod_selector:
      - {}
    policy_types: [Ingress, Egress]
    ingress:
      - from:
          - ip_block:
              - cidr: 10.0.0.0/8
                except: [10.1.0.0/16]
          - namespace_selector:
              - match_labels: { team: ml }
        ports:
          - port: "8000"
            protocol: TCP
    egress:
      - to:
          - pod_selector:
              - match_expressions:
                  - key: app
                    operator: In
                    values: [redis]
`,
    expected: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'serving' },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { namespaceSelector: { matchLabels: { team: 'ml' } } }],
            ports: [{ port: '8000', protocol: 'TCP' }],
          },
        ],
        egress: [{ to: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['redis'] }] } }] }],
      },
    },
  },
  {
    name: 'network policy written with nested attributes (newer provider versions): objects instead of blocks',
    resourceType: 'kubernetes_network_policy_v1',
    tf: `metadata:
  - name: allow-gateway
spec:
  - pod_selector: { match_labels: { app: vllm } }
    policy_types: [Ingress]
    ingress:
      - from:
          - namespace_selector:
              match_expressions:
                - { key: team, operator: In, values: [gateway] }
          - ip_block: { cidr: 10.0.0.0/8 }
`,
    expected: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-gateway' },
      spec: {
        podSelector: { matchLabels: { app: 'vllm' } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['gateway'] }] } }, { ipBlock: { cidr: '10.0.0.0/8' } }] },
        ],
      },
    },
  },
  {
    name: 'cluster role: rules with non-resource URLs, aggregation rule',
    resourceType: 'kubernetes_cluster_role_v1',
    tf: `metadata:
  - name: model-reader
rule:
  - api_groups: [""]
    resources: [secrets]
    resource_names: [hf]
    verbs: [get]
  - non_resource_urls: [/metrics]
    verbs: [get]
aggregation_rule:
  - cluster_role_selectors:
      - match_labels: { aggregate: "true" }
`,
    expected: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'model-reader' },
      rules: [
        { apiGroups: [''], resources: ['secrets'], resourceNames: ['hf'], verbs: ['get'] },
        { nonResourceURLs: ['/metrics'], verbs: ['get'] },
      ],
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { aggregate: 'true' } }] },
    },
  },
  {
    name: 'unversioned role',
    resourceType: 'kubernetes_role',
    tf: `metadata:
  - name: pods
    namespace: serving
rule:
  - api_groups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    expected: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pods', namespace: 'serving' },
      rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
    },
  },
  {
    name: 'role binding: role_ref and subjects',
    resourceType: 'kubernetes_role_binding_v1',
    tf: `metadata:
  - name: pods
    namespace: serving
role_ref:
  - api_group: rbac.authorization.k8s.io
    kind: Role
    name: pods
subject:
  - kind: ServiceAccount
    name: vllm
    namespace: serving
  - kind: Group
    name: ml-team
    api_group: rbac.authorization.k8s.io
`,
    expected: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'pods', namespace: 'serving' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pods' },
      subjects: [
        { kind: 'ServiceAccount', name: 'vllm', namespace: 'serving' },
        { kind: 'Group', name: 'ml-team', apiGroup: 'rbac.authorization.k8s.io' },
      ],
    },
  },
  {
    name: 'cluster role binding',
    resourceType: 'kubernetes_cluster_role_binding',
    tf: `metadata:
  - name: admin
role_ref:
  - api_group: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin
subject:
  - kind: ServiceAccount
    name: vllm
    namespace: serving
`,
    expected: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'admin' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'vllm', namespace: 'serving' }],
    },
  },
  {
    name: 'service account: token automount and secret lists',
    resourceType: 'kubernetes_service_account_v1',
    tf: `metadata:
  - name: vllm
    namespace: serving
    annotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/vllm" }
automount_service_account_token: true
image_pull_secret:
  - name: regcred
secret:
  - name: vllm-token
`,
    expected: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'vllm', namespace: 'serving', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/vllm' } },
      automountServiceAccountToken: true,
      imagePullSecrets: [{ name: 'regcred' }],
      secrets: [{ name: 'vllm-token' }],
    },
  },
  {
    name: 'namespace: labels kept, provider wait flag dropped',
    resourceType: 'kubernetes_namespace_v1',
    tf: `metadata:
  - name: serving
    labels: { pod-security.kubernetes.io/enforce: restricted }
wait_for_default_service_account: true
`,
    expected: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'serving', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
  },
  {
    name: 'config map: data keys unchanged',
    resourceType: 'kubernetes_config_map_v1',
    tf: `metadata:
  - name: vllm-config
data: { MODEL_ID: llama, max_model_len: "4096" }
binary_data: { blob: aGVsbG8= }
immutable: true
`,
    expected: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'vllm-config' },
      data: { MODEL_ID: 'llama', max_model_len: '4096' },
      binaryData: { blob: 'aGVsbG8=' },
      immutable: true,
    },
  },
  {
    name: 'secret: plain-text data kept as written under stringData, binary_data (base64) is data',
    resourceType: 'kubernetes_secret_v1',
    tf: `metadata:
  - name: hf
type: Opaque
data: { token: hf_plain }
binary_data: { ca: aGVsbG8= }
wait_for_service_account_token: true
`,
    expected: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hf' }, type: 'Opaque', stringData: { token: 'hf_plain' }, data: { ca: 'aGVsbG8=' } },
  },
  {
    name: 'limit range: limits list, defaultRequest',
    resourceType: 'kubernetes_limit_range_v1',
    tf: `metadata:
  - name: limits
spec:
  - limit:
      - type: Container
        default: { cpu: "1", memory: 2Gi }
        default_request: { cpu: 500m }
        max: { nvidia.com/gpu: "2" }
`,
    expected: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'limits' },
      spec: { limits: [{ type: 'Container', default: { cpu: '1', memory: '2Gi' }, defaultRequest: { cpu: '500m' }, max: { 'nvidia.com/gpu': '2' } }] },
    },
  },
  {
    name: 'resource quota: scope selector match_expression list',
    resourceType: 'kubernetes_resource_quota_v1',
    tf: `metadata:
  - name: gpu
spec:
  - hard: { requests.nvidia.com/gpu: "8" }
    scope_selector:
      - match_expression:
          - scope_name: PriorityClass
            operator: In
            values: [high]
`,
    expected: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'gpu' },
      spec: { hard: { 'requests.nvidia.com/gpu': '8' }, scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } },
    },
  },
  {
    name: 'autoscaler v2: metrics and behavior policies',
    resourceType: 'kubernetes_horizontal_pod_autoscaler_v2',
    tf: `metadata:
  - name: vllm
spec:
  - min_replicas: 1
    max_replicas: 4
    scale_target_ref:
      - api_version: apps/v1
        kind: Deployment
        name: vllm
    metric:
      - type: Resource
        resource:
          - name: cpu
            target:
              - type: Utilization
                average_utilization: 80
      - type: External
        external:
          - metric:
              - name: queue_depth
                selector:
                  - match_labels: { queue: llm }
            target:
              - type: AverageValue
                average_value: "30"
    behavior:
      - scale_down:
          - stabilization_window_seconds: 300
            policy:
              - type: Pods
                value: 1
                period_seconds: 60
`,
    expected: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'vllm' },
      spec: {
        minReplicas: 1,
        maxReplicas: 4,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'vllm' },
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'External', external: { metric: { name: 'queue_depth', selector: { matchLabels: { queue: 'llm' } } }, target: { type: 'AverageValue', averageValue: '30' } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
      },
    },
  },
  {
    name: 'unversioned autoscaler without metric: autoscaling/v1',
    resourceType: 'kubernetes_horizontal_pod_autoscaler',
    tf: `metadata:
  - name: vllm
spec:
  - max_replicas: 4
    target_cpu_utilization_percentage: 70
    scale_target_ref:
      - kind: Deployment
        name: vllm
`,
    expected: {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'vllm' },
      spec: { maxReplicas: 4, targetCPUUtilizationPercentage: 70, scaleTargetRef: { kind: 'Deployment', name: 'vllm' } },
    },
  },
  {
    name: 'unversioned autoscaler with metric: autoscaling/v2beta2',
    resourceType: 'kubernetes_horizontal_pod_autoscaler',
    tf: `metadata:
  - name: vllm
spec:
  - max_replicas: 4
    scale_target_ref:
      - kind: Deployment
        name: vllm
    metric:
      - type: Pods
        pods:
          - metric:
              - name: rps
            target:
              - type: AverageValue
                average_value: "10"
`,
    expected: {
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'vllm' },
      spec: {
        maxReplicas: 4,
        scaleTargetRef: { kind: 'Deployment', name: 'vllm' },
        metrics: [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } }],
      },
    },
  },
  {
    name: 'pod disruption budget v1',
    resourceType: 'kubernetes_pod_disruption_budget_v1',
    tf: `metadata:
  - name: vllm
spec:
  - min_available: "1"
    selector:
      - match_labels: { app: vllm }
`,
    expected: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'vllm' }, spec: { minAvailable: '1', selector: { matchLabels: { app: 'vllm' } } } },
  },
  {
    name: 'priority class',
    resourceType: 'kubernetes_priority_class_v1',
    tf: `metadata:
  - name: inference
value: 100000
global_default: false
preemption_policy: Never
description: online inference
`,
    expected: {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'inference' },
      value: 100000,
      globalDefault: false,
      preemptionPolicy: 'Never',
      description: 'online inference',
    },
  },
  {
    name: 'persistent volume claim: wait_until_bound dropped',
    resourceType: 'kubernetes_persistent_volume_claim_v1',
    tf: `metadata:
  - name: models
spec:
  - access_modes: [ReadWriteMany]
    storage_class_name: efs
    resources:
      - requests: { storage: 500Gi }
wait_until_bound: false
`,
    expected: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'models' },
      spec: { accessModes: ['ReadWriteMany'], storageClassName: 'efs', resources: { requests: { storage: '500Gi' } } },
    },
  },
  {
    name: 'storage class: storage_provisioner is provisioner',
    resourceType: 'kubernetes_storage_class_v1',
    tf: `metadata:
  - name: gp3
storage_provisioner: ebs.csi.aws.com
reclaim_policy: Retain
parameters: { type: gp3, encrypted: "true" }
allowed_topologies:
  - match_label_expressions:
      - key: topology.ebs.csi.aws.com/zone
        values: [us-east-1a]
`,
    expected: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gp3' },
      provisioner: 'ebs.csi.aws.com',
      reclaimPolicy: 'Retain',
      parameters: { type: 'gp3', encrypted: 'true' },
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.ebs.csi.aws.com/zone', values: ['us-east-1a'] }] }],
    },
  },
];

describe('kubernetesObjectsFromTerraform: typed resources', () => {
  for (const testCase of CASES) {
    test(testCase.name, () => {
      const object = convertOne(tfResource(testCase.resourceType, testCase.tf));
      assert.deepStrictEqual(object.root.value, testCase.expected);
      assert.equal(object.file.path, 'main.tf');
      assert.equal(object.doc.file, object.file);
      assert.deepEqual(object.root.path, []);
    });
  }

  test('every converted object is valid against the Kubernetes schema (IG-K8S schema-invalid-field is silent)', () => {
    const objects = kubernetesObjectsFromTerraform(CASES.map((testCase) => tfResource(testCase.resourceType, testCase.tf)));
    assert.equal(objects.length, CASES.length);
    const { findings } = runRules(buildModel(objects), [schemaInvalidField]);
    assert.deepEqual(
      findings.map((finding) => `${finding.resource?.kind ?? '?'} ${finding.path ?? ''}: ${finding.message}`),
      [],
    );
  });

  test('versioned and unversioned names are the same kind', () => {
    const pairs: ReadonlyArray<readonly [string, string, string]> = [
      ['kubernetes_deployment', 'Deployment', 'apps/v1'],
      ['kubernetes_daemon_set_v1', 'DaemonSet', 'apps/v1'],
      ['kubernetes_stateful_set', 'StatefulSet', 'apps/v1'],
      ['kubernetes_job', 'Job', 'batch/v1'],
      ['kubernetes_cron_job', 'CronJob', 'batch/v1beta1'],
      ['kubernetes_service', 'Service', 'v1'],
      ['kubernetes_network_policy', 'NetworkPolicy', 'networking.k8s.io/v1'],
      ['kubernetes_cluster_role', 'ClusterRole', 'rbac.authorization.k8s.io/v1'],
      ['kubernetes_pod_disruption_budget', 'PodDisruptionBudget', 'policy/v1beta1'],
      ['kubernetes_horizontal_pod_autoscaler_v1', 'HorizontalPodAutoscaler', 'autoscaling/v1'],
      ['kubernetes_horizontal_pod_autoscaler_v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2beta2'],
      ['kubernetes_storage_class', 'StorageClass', 'storage.k8s.io/v1'],
    ];
    for (const [resourceType, kind, apiVersion] of pairs) {
      const object = convertOne(tfResource(resourceType, 'metadata:\n  - name: x\n'));
      assert.deepEqual([object.type, object.kind, object.apiVersion], [`k8s:${kind}`, kind, apiVersion], resourceType);
    }
  });

  test('K8sObject fields: type, group, name, namespace, labels, annotations', () => {
    const object = convertOne(tfResource('kubernetes_deployment_v1', DEPLOYMENT));
    assert.equal(object.type, 'k8s:Deployment');
    assert.equal(object.group, 'apps');
    assert.equal(object.name, 'vllm');
    assert.equal(object.namespace, 'serving');
    assert.deepEqual(object.labels, { app: 'vllm', 'app.kubernetes.io/part-of': 'llm' });
    assert.deepEqual(object.annotations, { team: 'ml' });
  });

  test('an omitted namespace stays undefined, as for a manifest without one', () => {
    const object = convertOne(tfResource('kubernetes_service_v1', 'metadata:\n  - name: x\nspec:\n  - type: ClusterIP\n'));
    assert.equal(object.namespace, undefined);
    assert.equal(object.root.get('metadata', 'namespace').state, 'absent');
  });

  test('data sources and other providers are not objects the configuration creates', () => {
    const objects = kubernetesObjectsFromTerraform([
      tfResource('kubernetes_service_v1', 'metadata:\n  - name: x\n', {}, { mode: 'data' }),
      tfResource('aws_s3_bucket', 'bucket: models\n'),
      tfResource('kubernetes_node_taint', 'metadata:\n  - name: node\n'),
    ]);
    assert.deepEqual(objects, []);
  });

  test('plan-shaped values: null attributes and empty block lists are left out', () => {
    const object = convertOne(
      tfResource(
        'kubernetes_pod_v1',
        `metadata:
  - name: p
    namespace: null
    labels: null
spec:
  - host_pid: null
    init_container: []
    container:
      - name: a
        image: busybox:1.36
        security_context: []
        port: []
`,
      ),
    );
    assert.deepStrictEqual(object.root.value, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] } });
    const account = convertOne(
      tfResource('kubernetes_service_account_v1', 'metadata:\n  - name: sa\n    uid: null\nid: serving/sa\ndefault_secret_name: ""\nimage_pull_secret: []\ntimeouts: null\n', {
        unknown: ['/metadata/0/uid'],
      }),
    );
    assert.deepStrictEqual(account.root.value, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', uid: null } });
    assert.equal(account.root.get('metadata', 'uid').state, 'unknown');
  });

  test('a block outside the table keeps its camelCase name, single when written once, and is listed', () => {
    const resource = tfResource(
      'kubernetes_pod_v1',
      `metadata:
  - name: p
spec:
  - container:
      - name: a
        image: busybox:1.36
        resize_policy:
          - resource_name: cpu
            restart_policy: NotRequired
          - resource_name: memory
            restart_policy: RestartContainer
    scheduling_gate:
      - name: wait
`,
    );
    const { objects, unmappedBlocks } = convertTerraformKubernetes([resource]);
    const spec = objects[0]?.root.get('spec');
    assert.deepStrictEqual(spec?.get('schedulingGate').value, { name: 'wait' });
    assert.deepStrictEqual(spec?.get('containers', 0, 'resizePolicy').value, [
      { resourceName: 'cpu', restartPolicy: 'NotRequired' },
      { resourceName: 'memory', restartPolicy: 'RestartContainer' },
    ]);
    assert.deepEqual(unmappedBlocks, [
      { address: 'kubernetes_pod_v1.this', pointer: '/spec/0/container/0/resize_policy' },
      { address: 'kubernetes_pod_v1.this', pointer: '/spec/0/scheduling_gate' },
    ]);
  });
});

describe('kubernetesObjectsFromTerraform: kubernetes_manifest', () => {
  const MANIFEST = `manifest:
  apiVersion: serving.kserve.io/v1beta1
  kind: InferenceService
  metadata:
    name: llama
    namespace: models
    labels: { team: ml }
  spec:
    predictor:
      model: { modelFormat: { name: huggingface } }
field_manager:
  - name: terraform
`;

  test('the manifest attribute is the object, read in place', () => {
    const resource = tfResource('kubernetes_manifest', MANIFEST);
    const object = convertOne(resource);
    assert.equal(object.doc, resource.doc);
    assert.equal(object.file, resource.file);
    assert.deepEqual(object.root.path, ['manifest']);
    assert.equal(object.root.value, resource.root.get('manifest').value);
    assert.deepEqual(
      [object.type, object.kind, object.apiVersion, object.group, object.name, object.namespace],
      ['k8s:InferenceService', 'InferenceService', 'serving.kserve.io/v1beta1', 'serving.kserve.io', 'llama', 'models'],
    );
    assert.deepEqual(object.labels, { team: 'ml' });
    assert.equal(lineAt(object, '/manifest/metadata/name'), lineOf(MANIFEST, 'name: llama'));
  });

  test('a manifest unknown until apply, or without kind, is no object', () => {
    const unknown = tfResource('kubernetes_manifest', 'manifest: null\n', { unknown: ['/manifest'] });
    const noKind = tfResource('kubernetes_manifest', 'manifest:\n  apiVersion: v1\n  metadata: { name: x }\n');
    assert.deepEqual(kubernetesObjectsFromTerraform([unknown, noKind]), []);
  });
});

describe('kubernetesObjectsFromTerraform: locations', () => {
  const object = convertOne(tfResource('kubernetes_deployment_v1', DEPLOYMENT));
  const containers = '/spec/template/spec/containers';
  const locations: ReadonlyArray<readonly [string, string, number?]> = [
    ['/kind', 'metadata:'],
    ['/apiVersion', 'metadata:'],
    ['/metadata/name', 'name: vllm'],
    ['/spec/replicas', 'replicas: "2"'],
    ['/spec/template/spec/hostPID', 'host_pid: true'],
    ['/spec/template/spec/securityContext/runAsUser', 'run_as_user: "1000"'],
    [`${containers}/0/image`, 'image: vllm/vllm-openai:latest'],
    [`${containers}/0/securityContext`, 'security_context:', DEPLOYMENT.indexOf('container:\n')],
    [`${containers}/0/securityContext/privileged`, 'privileged: true'],
    [`${containers}/0/securityContext/capabilities/add/0`, 'add: [NET_ADMIN]'],
    [`${containers}/0/resources/limits/nvidia.com~1gpu`, 'limits: { nvidia.com/gpu'],
    [`${containers}/0/volumeMounts/1/readOnly`, 'read_only: true'],
    ['/spec/template/spec/initContainers/0/image', 'image: amazon/aws-cli'],
    ['/spec/template/spec/volumes/0/hostPath/path', 'path: /var/lib/kubelet'],
    ['/spec/template/spec/volumes/1/projected/sources/1/secret/name', 'name: hf', DEPLOYMENT.indexOf('projected:')],
    ['/spec/template/spec/volumes/0/hostPath', 'host_path:'],
    ['/spec/template/spec/volumes/1/projected/sources/2/serviceAccountToken/audience', 'audience: sts.amazonaws.com'],
    ['/spec/template/spec/tolerations/0/tolerationSeconds', 'toleration_seconds'],
  ];
  for (const [pointer, needle, from] of locations) {
    test(`${pointer} is on the line of \`${needle}\``, () => {
      assert.equal(lineAt(object, pointer), lineOf(DEPLOYMENT, needle, from));
    });
  }

  test('every pointer of the converted value has a span in the .tf file', () => {
    const missing: string[] = [];
    const walk = (value: PlainValue, pointer: string): void => {
      if (!object.doc.spans.has(pointer)) missing.push(pointer);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${pointer}/${index}`));
      else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    };
    walk(object.root.value ?? null, '');
    assert.deepEqual(missing, []);
  });
});

describe('kubernetesObjectsFromTerraform: Terraform facts', () => {
  const privilegedPointer = '/spec/0/template/0/spec/0/container/0/security_context/0/privileged';
  const text = DEPLOYMENT.replace('privileged: true', 'privileged: null').replace('image: vllm/vllm-openai:latest', 'image: null');
  const reference: TerraformReference = { address: 'aws_ecr_repository.models', attribute: ['repository_url'] };
  const resource = tfResource('kubernetes_deployment_v1', text, {
    unknown: [privilegedPointer, '/spec/0/template/0/spec/0/container/0/image'],
    references: [['/spec/0/template/0/spec/0/container/0/image', reference]],
  });
  const object = convertOne(resource);
  const container = object.root.get('spec', 'template', 'spec', 'containers', 0);

  test('unknown values stay unknown, at the Kubernetes pointer', () => {
    assert.equal(container.get('securityContext', 'privileged').state, 'unknown');
    assert.equal(container.get('image').state, 'unknown');
    assert.equal(container.get('securityContext', 'allowPrivilegeEscalation').state, 'set');
    assert.deepEqual([...(object.doc.terraform?.unknown ?? [])].sort(), [
      '/spec/template/spec/containers/0/image',
      '/spec/template/spec/containers/0/securityContext/privileged',
    ]);
  });

  test('references follow the value', () => {
    assert.deepEqual(container.get('image').references(), [reference]);
  });

  test('a dynamic block known only at apply is an unknown list', () => {
    const dynamic = tfResource('kubernetes_pod_v1', 'metadata:\n  - name: p\nspec:\n  - container: null\n', { unknown: ['/spec/0/container'] });
    const pod = convertOne(dynamic);
    assert.equal(pod.root.get('spec', 'containers').state, 'unknown');
    assert.equal(pod.root.get('spec', 'containers', 0, 'securityContext', 'privileged').state, 'unknown');
  });

  test('a name or namespace unknown until apply is undefined on the object, unknown in the document', () => {
    const text = 'metadata:\n  - name: null\n    namespace: null\n    labels: { app: web, env: null }\n';
    const service = convertOne(
      tfResource('kubernetes_service_v1', text, { unknown: ['/metadata/0/name', '/metadata/0/namespace', '/metadata/0/labels/env'] }),
    );
    assert.equal(service.name, undefined);
    assert.equal(service.namespace, undefined);
    assert.deepEqual(service.labels, { app: 'web' });
    assert.equal(service.root.get('metadata', 'namespace').state, 'unknown');
    assert.equal(service.root.get('metadata', 'labels', 'env').state, 'unknown');
    assert.equal(lineAt(service, '/metadata/labels/env'), lineOf(text, 'labels:'));
  });

  test('a `__proto__` key in a map is an ordinary key', () => {
    const config = convertOne(tfResource('kubernetes_config_map_v1', 'metadata:\n  - name: c\ndata:\n  __proto__: { polluted: "yes" }\n'));
    const data = config.root.get('data');
    assert.deepEqual(Object.keys(data.value ?? {}), ['__proto__']);
    assert.equal(Object.getPrototypeOf(data.value), Object.prototype);
  });

  test('without facts in the source, the converted document has none either', () => {
    assert.equal(convertOne(tfResource('kubernetes_deployment_v1', DEPLOYMENT)).doc.terraform, undefined);
  });
});

describe('Kubernetes rules on Terraform resources', () => {
  const SERVICE = `metadata:
  - name: vllm
    namespace: serving
spec:
  - type: LoadBalancer
    selector: { app: vllm }
    port:
      - port: 80
        target_port: "8000"
`;

  test('the real rules fire with the file and line of the Terraform attribute', () => {
    const resources = [tfResource('kubernetes_deployment_v1', DEPLOYMENT, {}, { path: 'serving/main.tf' }), tfResource('kubernetes_service_v1', SERVICE, {}, { path: 'serving/service.tf' })];
    const model = buildModel(kubernetesObjectsFromTerraform(resources));
    assert.equal(model.workloads.length, 1);
    assert.equal(model.workloads[0]?.containers.length, 2);
    const { findings, crashed } = runRules(model, [privilegedContainer, hostNamespaceShared, hostPathMounted, imageNotPinned, serviceExposedExternally]);
    assert.equal(crashed, false);
    const got = findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`).sort();
    const expected = [
      `${privilegedContainer.meta.id} serving/main.tf:${lineOf(DEPLOYMENT, 'privileged: true')}`,
      `${hostNamespaceShared.meta.id} serving/main.tf:${lineOf(DEPLOYMENT, 'host_pid: true')}`,
      `${hostPathMounted.meta.id} serving/main.tf:${lineOf(DEPLOYMENT, 'path: /var/lib/kubelet')}`,
      `${imageNotPinned.meta.id} serving/main.tf:${lineOf(DEPLOYMENT, 'image: vllm/vllm-openai:latest')}`,
      `${imageNotPinned.meta.id} serving/main.tf:${lineOf(DEPLOYMENT, 'image: amazon/aws-cli')}`,
      `${serviceExposedExternally.meta.id} serving/service.tf:${lineOf(SERVICE, 'type: LoadBalancer')}`,
    ].sort();
    assert.deepEqual(got, expected);
    const privileged = findings.find((finding) => finding.ruleId === privilegedContainer.meta.id);
    assert.deepEqual(privileged?.resource, { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'serving', name: 'vllm' });
  });

  test('run_as_user = "0" is root for runs-as-root: the provider sends it as a number', () => {
    const text = `metadata:
  - name: p
    namespace: serving
spec:
  - container:
      - name: a
        image: busybox:1.36
        security_context:
          - run_as_user: "0"
`;
    const { findings } = runRules(buildModel(kubernetesObjectsFromTerraform([tfResource('kubernetes_pod_v1', text)])), [runsAsRoot]);
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.messageId, finding.location.startLine]),
      [[runsAsRoot.meta.id, 'rootUser', lineOf(text, 'run_as_user')]],
    );
  });

  test('a privileged flag unknown until apply does not fire', () => {
    const text = DEPLOYMENT.replace('privileged: true', 'privileged: null');
    const unknown = tfResource('kubernetes_deployment_v1', text, { unknown: ['/spec/0/template/0/spec/0/container/0/security_context/0/privileged'] });
    const { findings } = runRules(buildModel(kubernetesObjectsFromTerraform([unknown])), [privilegedContainer]);
    assert.deepEqual(findings, []);
    // The same resource with the value known does fire: the silence above is the unknown, not the conversion.
    const known = runRules(buildModel(kubernetesObjectsFromTerraform([tfResource('kubernetes_deployment_v1', DEPLOYMENT)])), [privilegedContainer]);
    assert.equal(known.findings.length, 1);
  });

  test('HCL-shaped spans (block type and attribute name as keys) give the lines of the .tf text', () => {
    const hcl = `resource "kubernetes_pod_v1" "debug" {
  metadata {
    name      = "debug"
    namespace = "serving"
  }
  spec {
    container {
      name  = "debug"
      image = "busybox:latest"
      security_context {
        privileged = true
      }
    }
  }
}
`;
    const file = new SourceFile('pods.tf', hcl);
    const spans = new Map<string, NodeSpan>();
    const key = (word: string, from: number): number => hcl.indexOf(word, from);
    // A block: key = its type, value = the braces; an attribute: key = its name, value = the expression.
    const block = (pointer: string, word: string, from: number): number => {
      const keyStart = key(word, from);
      const open = hcl.indexOf('{', keyStart);
      let depth = 0;
      let end = open;
      for (; end < hcl.length; end++) {
        if (hcl[end] === '{') depth++;
        else if (hcl[end] === '}' && --depth === 0) break;
      }
      spans.set(pointer, { keyStart, keyEnd: keyStart + word.length, start: open, end: end + 1 });
      return keyStart;
    };
    const attribute = (pointer: string, word: string, from: number): void => {
      const keyStart = key(word, from);
      const equals = hcl.indexOf('=', keyStart);
      const start = equals + 1 + (/^ */.exec(hcl.slice(equals + 1))?.[0].length ?? 0);
      spans.set(pointer, { keyStart, keyEnd: keyStart + word.length, start, end: hcl.indexOf('\n', start) });
    };
    spans.set('', { start: 0, end: hcl.length });
    const metadata = block('/metadata/0', 'metadata', 0);
    attribute('/metadata/0/name', 'name', metadata);
    attribute('/metadata/0/namespace', 'namespace', metadata);
    const spec = block('/spec/0', 'spec', 0);
    const container = block('/spec/0/container/0', 'container', spec);
    attribute('/spec/0/container/0/name', 'name', container);
    attribute('/spec/0/container/0/image', 'image', container);
    const securityContext = block('/spec/0/container/0/security_context/0', 'security_context', container);
    attribute('/spec/0/container/0/security_context/0/privileged', 'privileged', securityContext);
    const doc: ParsedDocument = {
      file,
      index: 0,
      start: 0,
      end: hcl.length,
      value: {
        metadata: [{ name: 'debug', namespace: 'serving' }],
        spec: [{ container: [{ name: 'debug', image: 'busybox:latest', security_context: [{ privileged: true }] }] }],
      },
      spans,
    };
    const resource: TfResource = { ...tfResource('kubernetes_pod_v1', 'metadata: []\n'), file, doc, root: Node.root(doc) };
    const [pod] = kubernetesObjectsFromTerraform([resource]);
    assert.ok(pod);
    assert.equal(lineAt(pod, '/kind'), 1);
    assert.equal(lineAt(pod, '/spec/containers/0/securityContext'), lineOf(hcl, 'security_context {'));
    const { findings } = runRules(buildModel([pod]), [privilegedContainer, imageNotPinned, runsAsRoot]);
    assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}:${finding.location.startColumn}`).sort(), [
      `${privilegedContainer.meta.id} pods.tf:${lineOf(hcl, 'privileged = true')}:9`,
      `${imageNotPinned.meta.id} pods.tf:${lineOf(hcl, 'image = ')}:7`,
      // runAsNonRoot is missing: the finding points at the nearest written parent, the security_context block.
      `${runsAsRoot.meta.id} pods.tf:${lineOf(hcl, 'security_context {')}:7`,
    ].sort());
  });

  test('a kubernetes_manifest workload is checked where its manifest line is', () => {
    const text = `manifest:
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: m, namespace: serving }
  spec:
    template:
      spec:
        containers:
          - name: a
            image: busybox:1.36
            securityContext: { privileged: true }
`;
    const { findings } = runRules(buildModel(kubernetesObjectsFromTerraform([tfResource('kubernetes_manifest', text)])), [privilegedContainer]);
    assert.deepEqual(
      findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`),
      [`${privilegedContainer.meta.id} main.tf:${lineOf(text, 'privileged: true')}`],
    );
  });
});
