// Whether the scan's Kubernetes cluster enforces NetworkPolicies: the API server accepts every policy, but
// only the network plugin applies them. Read from the cluster's Terraform:
// - GKE (`google_container_cluster`): Autopilot and Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`)
//   enforce; on the legacy datapath only `network_policy { enabled = true }` (Calico, the only provider)
//   with the add-on on (`addons_config { network_policy_config { disabled = false } }`) does. The provider
//   documents the add-on as "Defaults to disabled" while GKE is said to add it to a cluster created with
//   network policy: an unwritten add-on is left unknown.
// - AKS (`azurerm_kubernetes_cluster`): `network_profile.network_policy` `azure` / `calico` / `cilium`, or the
//   Cilium dataplane (`network_data_plane`, `ebpf_data_plane` in azurerm 3.x), enforce; no profile, no
//   policy or `none` do not (AKS's default is no engine), except with `network_plugin = "none"`: a CNI
//   brought by the user, outside the scan, is unknown.
// - EKS (`aws_eks_cluster`): the VPC CNI enforces once its `vpc-cni` add-on (`aws_eks_addon`) has
//   `configuration_values` `{"enableNetworkPolicy": "true"}` (AWS's user guide: the value is the string
//   `"true"`), on EC2 Linux nodes only (not Fargate, not Windows). Calico or Cilium installed by Helm
//   outside the scan also enforce, so a cluster without that evidence is unknown, never "not enforced".
//
// inferguard takes the scanned files as one cluster's. The scan-wide verdict is therefore a cluster's only
// when every cluster of the scan says the same; clusters that disagree, a cluster the scan only names (a data
// source, another provider's, a module call it could not open whose name or source says cluster), or no
// cluster at all leave it unknown.
import type { TerraformModel, TfResource } from './terraform.js';
import { collectingUnknownReads, replayUnknownReads } from './value.js';
import type { Node, UnknownRead } from './value.js';

export type EnforcementState = 'enforced' | 'not-enforced' | 'unknown';

/** What decided one cluster's verdict. */
export type EnforcementReason =
  | 'gke-autopilot'
  | 'gke-dataplane-v2'
  | 'gke-network-policy'
  | 'gke-legacy-datapath'
  | 'gke-policy-disabled'
  | 'gke-addon-disabled'
  | 'aks-cilium-dataplane'
  | 'aks-policy-engine'
  | 'aks-no-profile'
  | 'aks-policy-not-set'
  | 'aks-policy-none'
  | 'eks-vpc-cni-network-policy'
  | 'undecided';

export interface ClusterEnforcement {
  readonly cluster: TfResource;
  readonly state: EnforcementState;
  readonly reason: EnforcementReason;
  /** The attribute that decides it; the cluster itself when a default does. */
  readonly at: Node | TfResource;
  /** The setting, for messages: "GKE cluster 'google_container_cluster.serving' uses the legacy datapath without `network_policy.enabled`". */
  readonly description: string;
}

export interface NetworkPolicyEnforcement {
  readonly state: EnforcementState;
  /** Every cluster of the scan with its own verdict (those the scan only names included, as unknown). */
  readonly clusters: readonly ClusterEnforcement[];
  /** Module calls the evaluator could not open that may create a cluster (`module.eks: module "terraform-aws-modules/eks/aws"`). */
  readonly unexpanded: readonly string[];
  /** The settings behind the scan-wide verdict, for messages and control details. */
  readonly description: string;
}

const CLUSTER_TYPES = new Set(['google_container_cluster', 'azurerm_kubernetes_cluster', 'aws_eks_cluster']);

/**
 * Managed Kubernetes of other providers (or AKS Automatic, GKE multi-cloud): a cluster the manifests may be
 * deployed to, whose plugin is not read. `<provider>_…<kubernetes-ish>…_cluster`, and the few named otherwise.
 */
const OTHER_CLUSTER = /^(?!kubernetes_|kubectl_|helm_)[a-z0-9]+(_[a-z0-9]+)*_(kubernetes|k8s|mk8s|kube|cks|sks|ske|lke|cce|containerengine|container|eks|aks|gke|gkeonprem|kind|k3d)(_[a-z0-9]+)*_cluster(_v\d+)?$|^kind_cluster$|^k3d_cluster$/;
const OTHER_CLUSTER_TYPES = new Set(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes', 'alicloud_cs_serverless_kubernetes', 'vultr_kubernetes', 'ovh_cloud_project_kube', 'rancher2_cluster', 'rancher2_cluster_v2']);

/** A module call the evaluator could not open whose call or source names a cluster: it may create one. */
const CLUSTER_MODULE = /eks|gke|aks|kubernetes|k8s|cluster/i;

/** A `true` / `false` as Terraform coerces it for a bool attribute; undefined for anything else. */
function boolOf(node: Node): boolean | undefined {
  if (node.isTrue() || node.str() === 'true') return true;
  if (node.isFalse() || node.str() === 'false') return false;
  return undefined;
}

/** `GKE cluster`, `AKS cluster`, `EKS cluster`, `Cluster`: how messages name a cluster resource. */
function kindOf(resource: TfResource): string {
  const kinds: Record<string, string> = { google_container_cluster: 'GKE cluster', azurerm_kubernetes_cluster: 'AKS cluster', aws_eks_cluster: 'EKS cluster' };
  return kinds[resource.resourceType] ?? 'Cluster';
}

function verdict(cluster: TfResource, state: EnforcementState, reason: EnforcementReason, at: Node | TfResource, written = ''): ClusterEnforcement {
  return { cluster, state, reason, at, description: `${kindOf(cluster)} '${cluster.address}' ${reasonText(reason, written)}` };
}

function reasonText(reason: EnforcementReason, written: string): string {
  switch (reason) {
    case 'gke-autopilot':
      return 'is an Autopilot cluster (Dataplane V2)';
    case 'gke-dataplane-v2':
      return 'runs Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`)';
    case 'gke-network-policy':
      return 'enables `network_policy` and its add-on (Calico)';
    case 'gke-legacy-datapath':
      return 'uses the legacy datapath without `network_policy.enabled`';
    case 'gke-policy-disabled':
      return 'sets `network_policy.enabled = false` on the legacy datapath';
    case 'gke-addon-disabled':
      return 'sets `addons_config.network_policy_config.disabled = true`, turning the network policy add-on off';
    case 'aks-cilium-dataplane':
      return 'uses the Cilium dataplane';
    case 'aks-policy-engine':
      return `sets \`network_profile.network_policy = "${written}"\``;
    case 'aks-no-profile':
      return 'has no `network_profile`, so no network policy engine';
    case 'aks-policy-not-set':
      return 'does not set `network_profile.network_policy`, so it has no network policy engine';
    case 'aks-policy-none':
      return 'sets `network_profile.network_policy = "none"`';
    case 'eks-vpc-cni-network-policy':
      return 'has a `vpc-cni` add-on with `enableNetworkPolicy: "true"`';
    case 'undecided':
      return 'may or may not enforce NetworkPolicies';
  }
}

function undecided(cluster: TfResource, at: Node | TfResource, why: string): ClusterEnforcement {
  return { cluster, state: 'unknown', reason: 'undecided', at, description: `${kindOf(cluster)} '${cluster.address}': ${why}` };
}

function gke(cluster: TfResource): ClusterEnforcement {
  const root = cluster.root;
  const autopilot = root.get('enable_autopilot');
  if (boolOf(autopilot) === true) return verdict(cluster, 'enforced', 'gke-autopilot', autopilot);
  if (autopilot.isWritten() && boolOf(autopilot) !== false) return undecided(cluster, autopilot, 'whether it is an Autopilot cluster is decided outside the scan');
  const datapath = root.get('datapath_provider');
  if (datapath.state === 'unknown') return undecided(cluster, datapath, '`datapath_provider` is decided outside the scan');
  if (datapath.str() === 'ADVANCED_DATAPATH') return verdict(cluster, 'enforced', 'gke-dataplane-v2', datapath);
  const block = root.get('network_policy');
  const enabled = block.get(0, 'enabled');
  if (block.state === 'unknown' || enabled.state === 'unknown') return undecided(cluster, enabled.exists ? enabled : block, '`network_policy.enabled` is decided outside the scan');
  const on = boolOf(enabled);
  if (on === false) return verdict(cluster, 'not-enforced', 'gke-policy-disabled', enabled);
  if (on === undefined) {
    // `enabled` is required in the block: unwritten means no block, the legacy default.
    if (!enabled.isWritten()) return verdict(cluster, 'not-enforced', 'gke-legacy-datapath', cluster);
    return undecided(cluster, enabled, '`network_policy.enabled` cannot be read');
  }
  const addon = root.get('addons_config', 0, 'network_policy_config', 0, 'disabled');
  if (addon.state === 'unknown') return undecided(cluster, addon, '`addons_config.network_policy_config.disabled` is decided outside the scan');
  const disabled = boolOf(addon);
  if (disabled === true) return verdict(cluster, 'not-enforced', 'gke-addon-disabled', addon);
  if (disabled === false) return verdict(cluster, 'enforced', 'gke-network-policy', enabled);
  return undecided(cluster, enabled, 'enables `network_policy` without writing `addons_config.network_policy_config` (whether GKE adds the add-on is not documented by the provider)');
}

function aks(cluster: TfResource): ClusterEnforcement {
  const profiles = cluster.root.get('network_profile');
  if (profiles.state === 'unknown') return undecided(cluster, profiles, '`network_profile` is decided outside the scan');
  const profile = profiles.items()[0];
  if (profile === undefined) return verdict(cluster, 'not-enforced', 'aks-no-profile', cluster);
  // Azure CNI powered by Cilium enforces NetworkPolicies with its own dataplane (`ebpf_data_plane` in azurerm 3.x).
  for (const key of ['network_data_plane', 'ebpf_data_plane']) {
    const plane = profile.get(key);
    if (plane.state === 'unknown') return undecided(cluster, plane, `\`network_profile.${key}\` is decided outside the scan`);
    if (plane.str()?.toLowerCase() === 'cilium') return verdict(cluster, 'enforced', 'aks-cilium-dataplane', plane);
  }
  const policy = profile.get('network_policy');
  if (policy.state === 'unknown') return undecided(cluster, policy, '`network_profile.network_policy` is decided outside the scan');
  const engine = policy.isWritten() ? policy.str()?.toLowerCase() : undefined;
  if (!policy.isWritten() || engine === 'none') {
    // `network_plugin = "none"` is bring-your-own CNI: the plugin installed outside the scan (Cilium, Calico) may enforce.
    const plugin = profile.get('network_plugin');
    if (plugin.state === 'unknown') return undecided(cluster, plugin, '`network_profile.network_plugin` is decided outside the scan');
    if (plugin.str()?.toLowerCase() === 'none') return undecided(cluster, plugin, 'brings its own CNI (`network_plugin = "none"`), installed outside the scan, which may enforce NetworkPolicies');
    return engine === 'none' ? verdict(cluster, 'not-enforced', 'aks-policy-none', policy) : verdict(cluster, 'not-enforced', 'aks-policy-not-set', profile);
  }
  if (engine === 'azure' || engine === 'calico' || engine === 'cilium') return verdict(cluster, 'enforced', 'aks-policy-engine', policy, engine);
  return undecided(cluster, policy, '`network_profile.network_policy` is not a value AKS documents');
}

/** Whether a value names this cluster: a reference to it (`aws_eks_cluster.this.name` / `.id`), or its known name. */
function namesCluster(value: Node, cluster: TfResource, terraform: TerraformModel): boolean {
  for (const reference of value.references()) {
    if (reference.address !== cluster.configAddress) continue;
    if (terraform.instancesOf(reference.address, value).some((candidate) => candidate === cluster && (reference.key === undefined || reference.key === candidate.key))) return true;
  }
  const text = value.state === 'set' ? value.str() : undefined;
  return text !== undefined && text === cluster.root.get('name').str();
}

/** `enableNetworkPolicy` in an add-on's `configuration_values`: a `jsonencode({...})` or JSON text. */
function enableNetworkPolicy(values: Node): { value: unknown; at: Node } | 'unknown' | undefined {
  const encoded = values.jsonencoded();
  if (encoded !== undefined) {
    const key = encoded.get('enableNetworkPolicy');
    return key.state === 'unknown' || encoded.state === 'unknown' ? 'unknown' : key.exists ? { value: key.value, at: key } : undefined;
  }
  if (values.state === 'unknown') return 'unknown';
  const text = values.str();
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'unknown';
    return Object.prototype.hasOwnProperty.call(parsed, 'enableNetworkPolicy') ? { value: (parsed as Record<string, unknown>)['enableNetworkPolicy'], at: values } : undefined;
  } catch {
    return 'unknown';
  }
}

function eks(cluster: TfResource, terraform: TerraformModel): ClusterEnforcement {
  const outside = 'no `vpc-cni` add-on of the scan enables network policy (`enableNetworkPolicy: "true"`); Calico or Cilium may be installed outside it';
  let open: Node | undefined;
  for (const addon of terraform.byType('tf:aws_eks_addon')) {
    if (addon.mode !== 'managed' || addon.root.get('addon_name').str() !== 'vpc-cni' || !namesCluster(addon.root.get('cluster_name'), cluster, terraform)) continue;
    const found = enableNetworkPolicy(addon.root.get('configuration_values'));
    if (found === 'unknown') open ??= addon.root.get('configuration_values');
    else if (found?.value === 'true') {
      // The VPC CNI leaves pods on Fargate and Windows nodes alone.
      const fargate = terraform.byType('tf:aws_eks_fargate_profile').find((profile) => profile.mode === 'managed');
      if (fargate) return undecided(cluster, found.at, `enables network policy in its \`vpc-cni\` add-on, but pods may run on Fargate (${fargate.address}), where the VPC CNI does not enforce it`);
      const windows = terraform.byType('tf:aws_eks_node_group').find((group) => group.mode === 'managed' && /^WINDOWS/i.test(group.root.get('ami_type').str() ?? ''));
      if (windows) return undecided(cluster, found.at, `enables network policy in its \`vpc-cni\` add-on, but pods may run on Windows nodes (${windows.address}), where the VPC CNI does not enforce it`);
      return verdict(cluster, 'enforced', 'eks-vpc-cni-network-policy', found.at);
    }
  }
  return undecided(cluster, open ?? cluster, open !== undefined ? 'the `vpc-cni` add-on\'s `configuration_values` are decided outside the scan' : outside);
}

/** One cluster's verdict; undefined for a resource that is not a managed GKE, AKS or EKS cluster. */
export function clusterEnforcement(resource: TfResource, terraform: TerraformModel): ClusterEnforcement | undefined {
  if (resource.mode !== 'managed' || !CLUSTER_TYPES.has(resource.resourceType)) return undefined;
  if (resource.resourceType === 'google_container_cluster') return gke(resource);
  if (resource.resourceType === 'azurerm_kubernetes_cluster') return aks(resource);
  return eks(resource, terraform);
}

/** Clusters the scan names but does not define: data sources of another cluster, azapi managed clusters, other providers'. */
function otherClusters(terraform: TerraformModel, managed: readonly TfResource[]): ClusterEnforcement[] {
  const out: ClusterEnforcement[] = [];
  for (const resource of terraform.resources) {
    if (resource.mode === 'data' && CLUSTER_TYPES.has(resource.resourceType)) {
      // Usually the cluster of the same scan, read back to configure a provider: then it is that one.
      const name = resource.root.get('name');
      if (managed.some((cluster) => cluster.resourceType === resource.resourceType && namesCluster(name, cluster, terraform))) continue;
      out.push(undecided(resource, resource, 'an existing cluster, read by a data source, whose network plugin is not in the scan'));
    } else if (resource.mode === 'managed' && !CLUSTER_TYPES.has(resource.resourceType) && (OTHER_CLUSTER.test(resource.resourceType) || OTHER_CLUSTER_TYPES.has(resource.resourceType) || isAzapiManagedCluster(resource))) {
      out.push(undecided(resource, resource, 'its network plugin is not read'));
    }
  }
  return out;
}

function isAzapiManagedCluster(resource: TfResource): boolean {
  if (resource.resourceType !== 'azapi_resource') return false;
  return (resource.root.get('type').str() ?? '').toLowerCase().startsWith('microsoft.containerservice/managedclusters@');
}

const cache = new WeakMap<TerraformModel, { value: NetworkPolicyEnforcement; reads: readonly UnknownRead[] }>();

/**
 * Whether the cluster the scanned manifests run on enforces NetworkPolicies: `enforced` / `not-enforced`
 * when every cluster of the scan says so, else `unknown` (no cluster, clusters that disagree, a cluster
 * whose setting the scan cannot decide).
 */
export function networkPolicyEnforcement(terraform: TerraformModel): NetworkPolicyEnforcement {
  const cached = cache.get(terraform);
  if (cached) {
    // The values Terraform leaves open count for every rule asking, not only the first (strict mode).
    replayUnknownReads(cached.reads);
    return cached.value;
  }
  const computed = collectingUnknownReads(() => compute(terraform));
  cache.set(terraform, computed);
  return computed.value;
}

function compute(terraform: TerraformModel): NetworkPolicyEnforcement {
  const managed = terraform.resources.filter((resource) => resource.mode === 'managed' && CLUSTER_TYPES.has(resource.resourceType));
  const clusters = [...managed.map((cluster) => clusterEnforcement(cluster, terraform) as ClusterEnforcement), ...otherClusters(terraform, managed)];
  const unexpanded = [
    ...new Set(
      terraform.notices
        .filter((notice) => (notice.code === 'module-not-expanded' || notice.code === 'missing-file') && notice.message.startsWith('module.'))
        .map((notice) => notice.message.split(/ is not downloaded| is outside the scanned tree|: no Terraform files|: source is not a known string/)[0] ?? notice.message)
        .filter((call) => CLUSTER_MODULE.test(call)),
    ),
  ];
  const base = { clusters, unexpanded };
  if (clusters.length === 0 && unexpanded.length === 0) return { state: 'unknown', ...base, description: 'the scan holds no Kubernetes cluster' };
  const calls = [...new Set(unexpanded.map((call) => call.split(':')[0] ?? call))];
  const parts = [
    ...clusters.slice(0, 3).map((cluster) => cluster.description),
    ...(clusters.length > 3 ? [`${clusters.length - 3} more cluster${clusters.length === 4 ? '' : 's'}`] : []),
    ...(calls.length > 0 ? [`${calls.length === 1 ? 'a module call' : `${calls.length} module calls`} that may create a cluster not expanded (${calls.slice(0, 3).join(', ')}${calls.length > 3 ? ', …' : ''})`] : []),
  ];
  const states = new Set([...clusters.map((cluster) => cluster.state), ...(unexpanded.length > 0 ? ['unknown' as const] : [])]);
  if (states.size === 1) return { state: clusters[0]?.state ?? 'unknown', ...base, description: parts.join('; ') };
  return { state: 'unknown', ...base, description: `the scan's clusters differ: ${parts.join('; ')}` };
}
