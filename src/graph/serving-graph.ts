// The serving graph: one graph over everything scanned, Kubernetes and Terraform at once, from the
// internet to model server ports, from pods to their ServiceAccounts, cloud identities and RBAC, and from
// identities to the model artifacts they can read or overwrite. Every edge carries the located value that
// makes it so. Built once per scan from the facts the rules already share; the IG-GRAPH rules, `inferguard
// paths` and the pictures read it.
import { authOnPath } from '../model/auth-front.js';
import type { AuthControl } from '../model/auth-front.js';
import { meshMtlsOf } from '../model/mesh.js';
import { modelArtifacts, reachingEntry } from '../model/aws/model-artifacts.js';
import { resourcePatternOf } from '../model/aws/bucket-arns.js';
import type { PolicyStatement } from '../model/iam/policy.js';
import type { ModelArtifact } from '../model/aws/model-artifacts.js';
import { modelBuckets } from '../model/aws/model-buckets.js';
import { servingRoles } from '../model/aws/serving-roles.js';
import { documentPermissions, notDenied } from '../model/iam/permissions.js';
import { policiesOfRole } from '../model/iam/roles.js';
import type { K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import { modelServersIn } from '../model/ml/model-server.js';
import { modelServiceAccounts } from '../model/ml/model-service-accounts.js';
import { exposureOfPort } from '../model/port-exposure.js';
import type { ExposurePath } from '../model/port-exposure.js';
import { isRbacBinding } from '../model/rbac.js';
import { findObject } from '../model/references.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { Node } from '../model/value.js';
import { addAzureStorage } from './azure-storage.js';
import { addGcpStorage } from './gcp-storage.js';
import { addArtifact, CLUSTER, INTERNET, modelServerWorkloads, objectId, objectLabel, PRIVATE_NETWORK, resourceId, ServingGraph, StrongestGrants, workloadId } from './graph.js';
import type { GraphEdge } from './graph.js';
import { appendTo } from '../model/collections.js';

export type { ArtifactUse, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind } from './graph.js';
export { CLUSTER, INTERNET, PRIVATE_NETWORK, ServingGraph, objectId, resourceId, workloadId } from './graph.js';

const cache = new WeakMap<KubernetesModel, WeakMap<TerraformModel, ServingGraph>>();

/** The serving graph of a scan, built once. */
export function servingGraph(model: KubernetesModel, terraform: TerraformModel): ServingGraph {
  let byTerraform = cache.get(model);
  if (!byTerraform) cache.set(model, (byTerraform = new WeakMap()));
  let graph = byTerraform.get(terraform);
  if (!graph) byTerraform.set(terraform, (graph = build(model, terraform)));
  return graph;
}

function build(model: KubernetesModel, terraform: TerraformModel): ServingGraph {
  const graph = new ServingGraph();
  addTraffic(graph, model);
  addKubernetesIdentity(graph, model);
  addCloudIdentity(graph, model, terraform);
  const servers = modelServerWorkloads(model);
  addArtifacts(graph, model, terraform, servers);
  addGcpStorage(graph, model, terraform, servers);
  addAzureStorage(graph, model, terraform, servers);
  return graph;
}

/** Model servers, their ports, and every way traffic reaches a port (outermost hop first). */
function addTraffic(graph: ServingGraph, model: KubernetesModel): void {
  const guards: Guards = new Map();
  // A container is one node however many servers the model finds in it.
  const done = new Set<string>();
  for (const server of modelServersIn(model)) {
    const workload = server.container.workload;
    const key = `${workloadId(workload)}/${server.container.name}`;
    if (done.has(key)) continue;
    done.add(key);
    const owner = graph.add({ id: workloadId(workload), kind: 'workload', label: `${objectLabel(workload.object)} (${server.info.title})`, subject: workload.object, at: workload.object.root, workload });
    for (const port of server.ports) {
      const mesh = meshMtlsOf(model, workload, port.number);
      const decided = mesh?.peerAuthentication ?? mesh?.marker;
      const portNode = graph.add({
        id: `port:${owner.id}:${port.number}`,
        kind: 'port',
        label: `${server.info.title} ${port.spec.label} port ${port.number} (${port.roles.join(', ') || 'unknown role'})`,
        at: port.declared ?? server.container.node,
        port: { number: port.number, roles: port.roles, server },
        workload,
        ...(mesh?.mtls && decided ? { mtls: { description: decided.description, at: decided.at } } : {}),
      });
      graph.connect({ from: owner.id, to: portNode.id, kind: 'listens', label: `listens on ${port.number}`, at: port.declared ?? server.container.node });
      const name = port.declared?.get('name').str();
      const exposure = exposureOfPort(model, workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
      for (const path of exposure.paths) addPath(graph, path, portNode.id, authOnPath(model, workload, path), guards);
    }
  }
  // An edge is authenticated when every path that runs through it is.
  for (const [edge, controls] of guards) {
    const first = controls[0];
    if (first && controls.every((control) => control !== undefined)) graph.replace(edge, { ...edge, guard: { description: first.description, at: first.at } });
  }
}

/** The first and the last edge of each path (the way in, the route into the port), and the authentication of each path that runs through it (undefined: none). */
type Guards = Map<GraphEdge, Array<AuthControl | undefined>>;

function addPath(graph: ServingGraph, path: ExposurePath, target: string, guard: AuthControl | undefined, guards: Guards): void {
  const origin = path.internetFacing ? INTERNET : path.exposed ? PRIVATE_NETWORK : CLUSTER;
  graph.add(
    origin === INTERNET
      ? { id: INTERNET, kind: 'internet', label: 'Internet' }
      : origin === PRIVATE_NETWORK
        ? { id: PRIVATE_NETWORK, kind: 'private-network', label: 'Private network (VPC, nodes)' }
        : { id: CLUSTER, kind: 'cluster', label: 'Any pod in the cluster' },
  );
  let previous = origin;
  for (const [index, hop] of path.hops.entries()) {
    const kind = hop.object.kind === 'Service' ? 'service' : 'entry';
    const node = graph.add({ id: objectId(hop.object), kind, label: objectLabel(hop.object), subject: hop.object, at: hop.object.root });
    const edge = graph.connect({ from: previous, to: node.id, kind: 'routes', label: hop.description, at: hop.at });
    // The way in: authenticated when every path entering here is (an Ingress's auth annotations).
    if (index === 0) appendTo(guards, edge, guard);
    previous = node.id;
  }
  const last = path.hops[path.hops.length - 1];
  const into = graph.connect({ from: previous, to: target, kind: 'routes', label: last?.description ?? path.kind, at: last?.at ?? graph.node(target).at! });
  appendTo(guards, into, guard);
}

const RBAC_GROUPS: ReadonlySet<string> = new Set(['rbac.authorization.k8s.io']);

/** Workloads → ServiceAccounts → the Roles / ClusterRoles bound to them. */
function addKubernetesIdentity(graph: ServingGraph, model: KubernetesModel): void {
  // Bindings by the ServiceAccounts they name: a scan holds many bindings and many accounts.
  const bindingsOf = new Map<string, Array<{ binding: K8sObject; subject: Node }>>();
  for (const binding of model.objects.filter(isRbacBinding)) {
    for (const subject of binding.root.get('subjects').items()) {
      if (subject.get('kind').str() !== 'ServiceAccount') continue;
      const key = `${subject.get('namespace').str() ?? binding.namespace ?? 'default'}/${subject.get('name').str() ?? ''}`;
      const list = bindingsOf.get(key) ?? [];
      list.push({ binding, subject });
      bindingsOf.set(key, list);
    }
  }
  for (const account of modelServiceAccounts(model)) {
    const id = `sa:${account.namespace}/${account.name}`;
    graph.add({ id, kind: 'service-account', label: `ServiceAccount ${account.namespace}/${account.name}`, ...(account.object ? { subject: account.object, at: account.object.root } : {}) });
    for (const server of account.servers) {
      const workload = server.container.workload;
      const written = workload.podSpec.get('serviceAccountName');
      graph.connect({ from: workloadId(workload), to: id, kind: 'runs-as', label: `runs as ${account.name}`, at: written.exists ? written : workload.podSpec });
    }
    for (const { binding, subject } of bindingsOf.get(`${account.namespace}/${account.name}`) ?? []) {
      // A RoleBinding may name a ServiceAccount of another namespace: the account gets the role in the binding's namespace.
      const elsewhere = binding.kind === 'RoleBinding' && binding.namespace !== undefined && binding.namespace !== account.namespace ? ` (in namespace ${binding.namespace})` : '';
      const refKind = binding.root.get('roleRef', 'kind').str();
      const refName = binding.root.get('roleRef', 'name').str();
      // By name, nearest to the binding (two overlays may each hold a role of that name). A ClusterRole ignores a
      // `metadata.namespace` written on it (a Helm chart's release namespace): looked up without one first.
      const lookup = (namespace: string | undefined): K8sObject | undefined =>
        refName === undefined ? undefined : findObject(model, { kind: refKind as string, groups: RBAC_GROUPS, namespace, name: refName, near: binding });
      const role = refKind === 'ClusterRole' ? (lookup(undefined) ?? lookup(binding.namespace)) : refKind === 'Role' ? lookup(binding.namespace) : undefined;
      const roleId = role ? objectId(role) : `k8s:${refKind ?? 'Role'}/${refKind === 'ClusterRole' ? '' : (binding.namespace ?? '')}/${refName ?? '?'}`;
      graph.add({ id: roleId, kind: 'rbac-role', label: `${refKind ?? 'Role'} ${refName ?? '?'}${role ? '' : ' (not in the scan)'}`, ...(role ? { subject: role, at: role.root } : {}) });
      graph.connect({ from: id, to: roleId, kind: 'bound-to', label: `${binding.kind} ${binding.name ?? '(unnamed)'}${elsewhere}`, at: subject });
    }
  }
}

/** ServiceAccounts and SageMaker models → the IAM roles they act as (AWS; Google Cloud and Azure in `gcp-storage.ts`, `azure-storage.ts`). */
function addCloudIdentity(graph: ServingGraph, model: KubernetesModel, terraform: TerraformModel): void {
  // The pod templates of each object, once: many roles, many workloads.
  const workloadsOf = new Map<K8sObject, Workload[]>();
  for (const workload of model.workloads) appendTo(workloadsOf, workload.object, workload);
  for (const serving of servingRoles(terraform, model)) {
    const roleNode = graph.add({ id: resourceId(serving.role), kind: 'cloud-identity', label: `IAM role ${serving.role.address}`, subject: serving.role, at: serving.role.root });
    if (serving.link === 'sagemaker') {
      const holder = serving.holder as TfResource;
      graph.add({ id: resourceId(holder), kind: 'sagemaker-model', label: `SageMaker model ${holder.address}`, subject: holder, at: holder.root });
      graph.connect({ from: resourceId(holder), to: roleNode.id, kind: 'assumes', label: 'execution_role_arn', at: serving.at });
      continue;
    }
    const label = serving.link === 'irsa' ? 'IRSA' : serving.link === 'pod-identity' ? 'EKS Pod Identity' : 'trust policy';
    for (const workload of [...serving.serves].flatMap((object) => workloadsOf.get(object as K8sObject) ?? [])) {
      for (const edge of graph.outgoing(workloadId(workload), 'runs-as')) graph.connect({ from: edge.to, to: roleNode.id, kind: 'assumes', label, at: serving.at });
    }
  }
}

/** What each model is loaded from in S3, the bucket that holds it, and which serving roles can read or overwrite it. */
function addArtifacts(graph: ServingGraph, model: KubernetesModel, terraform: TerraformModel, servers: ReadonlyMap<K8sObject, Workload>): void {
  const artifacts = modelArtifacts(terraform, model);
  if (artifacts.length === 0) return;
  for (const artifact of artifacts) {
    const owner = artifact.owner;
    // A SageMaker model is a node even when its execution role is not in the scan.
    if ('address' in owner) graph.add({ id: resourceId(owner), kind: 'sagemaker-model', label: `SageMaker model ${owner.address}`, subject: owner, at: owner.root });
    addArtifact(graph, { uri: artifact.uri, owner, at: artifact.at, artifact }, servers);
  }
  for (const entry of modelBuckets(terraform, model)) {
    const name = entry.bucket.root.get('bucket').str();
    const bucketNode = graph.add({ id: resourceId(entry.bucket), kind: 'bucket', label: `S3 bucket ${name ?? entry.bucket.address}`, subject: entry.bucket, at: entry.bucket.root });
    for (const link of entry.links) {
      const uri = link.text ?? link.node.str();
      if (uri !== undefined && graph.nodes.has(`artifact:${uri.trim()}`)) graph.connect({ from: `artifact:${uri.trim()}`, to: bucketNode.id, kind: 'stored-in', label: 'stored in', at: link.node });
    }
  }
  const byBucket = new Map<string, ModelArtifact[]>();
  for (const artifact of artifacts) {
    const bucket = artifact.arn.slice('arn:aws:s3:::'.length).split('/')[0] ?? '';
    appendTo(byBucket, bucket, artifact);
  }
  // The strongest grant per identity and artifact, at the first entry that gives it: one edge each.
  const strongest = new StrongestGrants();
  for (const identity of graph.ofKind('cloud-identity')) {
    const role = identity.subject as TfResource;
    const statements = policiesOfRole(role, terraform).flatMap((policy) => (policy.document === 'unknown' ? [] : documentPermissions(policy.document)));
    const granted = (action: string): boolean => notDenied([{ name: action, service: 's3', accessLevel: 'Write', wildcardOnly: false }], statements).length > 0;
    for (const statement of statements) {
      if (statement.grant !== 'allow') continue;
      const write = statement.covers('s3:PutObject') === 'yes' && granted('s3:PutObject');
      const read = statement.covers('s3:GetObject') === 'yes' && granted('s3:GetObject');
      if (!write && !read) continue;
      const access = write ? 'write' : 'read';
      for (const artifact of candidatesFor(statement.statement, artifacts, byBucket, terraform)) {
        if (!strongest.improves(identity.id, artifact.uri, access)) continue;
        const at = reachingEntry(statement.statement, artifact, terraform);
        if (at !== undefined) strongest.give(identity.id, artifact.uri, { access, label: write ? 's3:PutObject' : 's3:GetObject', at });
      }
    }
  }
  strongest.connect(graph);
}

/**
 * The artifacts a statement may take in: those of the buckets its resource patterns name, when every pattern
 * names its bucket without wildcards; every artifact otherwise (`*`, `arn:aws:s3:::models-*`, `NotResource`).
 */
function candidatesFor(statement: PolicyStatement, artifacts: readonly ModelArtifact[], byBucket: ReadonlyMap<string, readonly ModelArtifact[]>, terraform: TerraformModel): readonly ModelArtifact[] {
  if (statement.notResources.length > 0) return artifacts;
  const buckets = new Set<string>();
  for (const entry of statement.resources) {
    const pattern = resourcePatternOf(entry, terraform);
    if (pattern === undefined) continue;
    const match = /^arn:aws:s3:::([^/*?]+)(?:\/|$)/.exec(pattern);
    if (!match) return artifacts;
    buckets.add(match[1] as string);
  }
  return [...buckets].flatMap((bucket) => byBucket.get(bucket) ?? []);
}
