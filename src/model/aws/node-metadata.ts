// How the EC2 nodes of the scan's EKS managed node groups answer the instance metadata service (IMDS),
// read from their launch templates' `metadata_options`, and so whether a pod reaches the node role:
// - `http_tokens = "optional"` answers IMDSv1: a plain GET to 169.254.169.254 returns the node role's
//   credentials, from the node or any pod on it (the hop limit bounds only the IMDSv2 token's PUT response);
// - `"required"` answers only requests carrying a session token from a PUT, whose response reaches a
//   pod (one network hop beyond the node) only when `http_put_response_hop_limit` is 2 or more;
// - `http_endpoint = "disabled"` turns the service off (EC2's default is enabled).
// A setting left out is decided by the AMI or the account's defaults (an AMI registered for IMDSv2 sets
// `required` and a hop limit of 2), and a node group without a launch template gets one that EKS writes:
// unknown here. A pod may also land on Fargate (no IMDS), Karpenter nodes or other Auto Scaling groups,
// whose settings this does not read, or belong to a GKE or AKS cluster of the same scan: their presence
// leaves the answer unknown.
import type { KubernetesModel } from '../kubernetes.js';
import { referencedInstances, rolesNamedBy } from '../iam/roles.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';

export type Tri = 'yes' | 'no' | 'unknown';

export interface NodeGroupMetadata {
  readonly nodeGroup: TfResource;
  readonly launchTemplate: TfResource | undefined;
  /** A plain GET from a pod gets answers: IMDSv1 is on. */
  readonly plainRequests: Tri;
  /** A process in a pod gets answers: IMDSv1, or IMDSv2 with a hop limit of 2 or more. */
  readonly podProcesses: Tri;
  /** The `metadata_options` values that decide, for messages and related hops. */
  readonly tokens: Node | undefined;
  readonly hopLimit: Node | undefined;
  /** `node_role_arn`, and the roles of the scan it names. */
  readonly roleArn: Node;
  readonly roles: readonly TfResource[];
}

export interface NodeMetadata {
  readonly groups: readonly NodeGroupMetadata[];
  /** Whether every node a pod may run on answers a pod's plain GET / a pod's process. */
  readonly plainRequests: Tri;
  readonly podProcesses: Tri;
}

/** Clusters of other clouds in the same scan: the manifests may be theirs. */
const OTHER_CLUSTERS = ['tf:google_container_cluster', 'tf:azurerm_kubernetes_cluster'] as const;

const cache = new WeakMap<TerraformModel, WeakMap<KubernetesModel, NodeMetadata | undefined>>();

/** The EKS managed node groups of the scan and their IMDS answers; undefined when the scan holds none. */
export function eksNodeMetadata(terraform: TerraformModel, model: KubernetesModel): NodeMetadata | undefined {
  let byModel = cache.get(terraform);
  if (!byModel) cache.set(terraform, (byModel = new WeakMap()));
  if (!byModel.has(model)) byModel.set(model, compute(terraform, model));
  return byModel.get(model);
}

function compute(terraform: TerraformModel, model: KubernetesModel): NodeMetadata | undefined {
  const groups = terraform.byType('tf:aws_eks_node_group').filter((group) => group.mode === 'managed').map((group) => nodeGroupMetadata(group, terraform));
  if (groups.length === 0) return undefined;
  const elsewhere =
    terraform.byType('tf:aws_eks_fargate_profile').some((profile) => profile.mode === 'managed') ||
    terraform.byType('tf:aws_autoscaling_group').some((group) => group.mode === 'managed') ||
    OTHER_CLUSTERS.some((type) => terraform.byType(type).some((cluster) => cluster.mode === 'managed')) ||
    model.byType('k8s:EC2NodeClass').length > 0;
  const every = (verdicts: readonly Tri[]): Tri => {
    const all: Tri = verdicts.every((verdict) => verdict === 'yes') ? 'yes' : verdicts.every((verdict) => verdict === 'no') ? 'no' : 'unknown';
    return all === 'yes' && elsewhere ? 'unknown' : all;
  };
  return { groups, plainRequests: every(groups.map((group) => group.plainRequests)), podProcesses: every(groups.map((group) => group.podProcesses)) };
}

function nodeGroupMetadata(nodeGroup: TfResource, terraform: TerraformModel): NodeGroupMetadata {
  const roleArn = nodeGroup.root.get('node_role_arn');
  const base = { nodeGroup, roleArn, roles: rolesNamedBy(roleArn, terraform) };
  const launchTemplate = launchTemplateOf(nodeGroup, terraform);
  const options = launchTemplate?.root.get('metadata_options').items()[0];
  if (launchTemplate === undefined || options === undefined) return { ...base, launchTemplate, plainRequests: 'unknown', podProcesses: 'unknown', tokens: undefined, hopLimit: undefined };
  const endpoint = options.get('http_endpoint');
  const tokens = options.get('http_tokens');
  const hopLimit = options.get('http_put_response_hop_limit');
  const written = { tokens: tokens.isWritten() ? tokens : undefined, hopLimit: hopLimit.isWritten() ? hopLimit : undefined };
  if (endpoint.state === 'unknown') return { ...base, launchTemplate, ...written, plainRequests: 'unknown', podProcesses: 'unknown' };
  if (endpoint.str() === 'disabled') return { ...base, launchTemplate, ...written, plainRequests: 'no', podProcesses: 'no' };
  const mode = tokens.state === 'set' ? tokens.str() : undefined;
  const hops = hopCount(hopLimit);
  const plainRequests: Tri = mode === 'optional' ? 'yes' : mode === 'required' ? 'no' : 'unknown';
  // With IMDSv1 on, a pod needs no token; with IMDSv2 only, its token must survive the hop into the pod.
  const tokensReachPods: Tri = hops === undefined ? 'unknown' : hops >= 2 ? 'yes' : 'no';
  const podProcesses: Tri = plainRequests === 'yes' || tokensReachPods === 'yes' ? 'yes' : plainRequests === 'no' && tokensReachPods === 'no' ? 'no' : 'unknown';
  return { ...base, launchTemplate, ...written, plainRequests, podProcesses };
}

function hopCount(node: Node): number | undefined {
  if (node.state !== 'set') return undefined;
  const value = typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value) ? Number(node.value) : node.value;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The `aws_launch_template` a node group's `launch_template { id | name }` names, when exactly one does. */
function launchTemplateOf(nodeGroup: TfResource, terraform: TerraformModel): TfResource | undefined {
  const block = nodeGroup.root.get('launch_template').items()[0];
  if (block === undefined) return undefined;
  const found = new Set<TfResource>();
  for (const key of ['id', 'name']) {
    const value = block.get(key);
    for (const reference of value.references()) {
      for (const target of referencedInstances(reference, terraform, value)) if (target.mode === 'managed' && target.resourceType === 'aws_launch_template') found.add(target);
    }
    const text = value.state === 'set' ? value.str() : undefined;
    if (found.size === 0 && key === 'name' && text !== undefined) {
      // By name, within the node group's own configuration: another root may hold a template of the same name.
      for (const template of terraform.byType('tf:aws_launch_template')) if (template.mode === 'managed' && template.rootDir === nodeGroup.rootDir && template.root.get('name').str() === text) found.add(template);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
