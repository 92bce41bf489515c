// The model endpoints of a scan, each with what belongs to it: the objects and resources whose findings are
// the endpoint's (its pods, the entries and Services in front, its ServiceAccount and RBAC, its cloud role
// and policies, the model's artifacts and bucket). A threat model is drawn per endpoint.
import type { GraphEdgeKind, ServingGraph } from '../graph/serving-graph.js';
import { resourceId, workloadId } from '../graph/serving-graph.js';
import { azapiTypeOf } from '../model/azure/azapi.js';
import { sagemakerEndpoints } from '../model/aws/sagemaker-endpoints.js';
import { policiesOfRole } from '../model/iam/roles.js';
import type { KubernetesModel, Workload } from '../model/kubernetes.js';
import type { ModelServer } from '../model/ml/model-server.js';
import { modelServersIn } from '../model/ml/model-server.js';
import type { Subject } from '../model/subject.js';
import { refersTo } from '../model/terraform.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { TerraformReference } from '../parse/kubernetes/types.js';
import { appendTo } from '../model/collections.js';

export type EndpointPlatform = 'kubernetes' | 'sagemaker' | 'vertex-ai' | 'azure-ml';

interface EndpointBase {
  /** Stable and unique in a scan: `k8s:Deployment/serving/triton#pod@deploy/triton.yaml`, `tf:<root>:<address>`. */
  readonly id: string;
  /** `Deployment serving/triton (NVIDIA Triton Inference Server)`, `aws_sagemaker_endpoint.fraud`. */
  readonly name: string;
  /** The objects and resources whose findings belong to this endpoint. */
  readonly subjects: ReadonlySet<Subject>;
  /** The graph node of the endpoint (its workload, its SageMaker models' node ids). */
  readonly graphNodes: readonly string[];
}

export interface KubernetesEndpoint extends EndpointBase {
  readonly platform: 'kubernetes';
  readonly workload: Workload;
  readonly servers: readonly ModelServer[];
}

export interface CloudEndpoint extends EndpointBase {
  readonly platform: 'sagemaker' | 'vertex-ai' | 'azure-ml';
  readonly resource: TfResource;
  /** SageMaker: the endpoint configurations and models it serves; Azure: the deployments. */
  readonly parts: readonly TfResource[];
}

export type ServingEndpoint = KubernetesEndpoint | CloudEndpoint;

const ONLINE_ENDPOINT = /^microsoft\.machinelearningservices\/workspaces\/(onlineendpoints|serverlessendpoints)$/i;
const ONLINE_DEPLOYMENT = /^microsoft\.machinelearningservices\/workspaces\/onlineendpoints\/deployments$/i;
const VERTEX_ENDPOINTS = ['tf:google_vertex_ai_endpoint', 'tf:google_vertex_ai_endpoint_with_model_garden_deployment'] as const;

/** Every model endpoint of the scan: Kubernetes model-server workloads, SageMaker, Vertex AI and Azure ML endpoints. */
export function servingEndpoints(model: KubernetesModel, terraform: TerraformModel, graph: ServingGraph): ServingEndpoint[] {
  const endpoints: ServingEndpoint[] = [];
  const byWorkload = new Map<Workload, ModelServer[]>();
  for (const server of modelServersIn(model)) {
    const workload = server.container.workload;
    appendTo(byWorkload, workload, server);
  }
  for (const [workload, servers] of byWorkload) {
    const id = workloadId(workload);
    const subjects = new Set<Subject>([workload.object]);
    const account = model.serviceAccountOf(workload);
    if (account) subjects.add(account);
    collect(graph, [id], subjects, terraform);
    const object = workload.object;
    const titles = [...new Set(servers.map((server) => server.info.title))].join(', ');
    endpoints.push({
      platform: 'kubernetes',
      id,
      name: `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}${workload.role === 'pod' ? '' : ` ${workload.role}`} (${titles})`,
      subjects,
      graphNodes: [id],
      workload,
      servers,
    });
  }
  for (const { endpoint, configs, models } of sagemakerEndpoints(terraform)) {
    const subjects = new Set<Subject>([endpoint, ...configs, ...models]);
    const graphNodes = models.map(resourceId);
    collect(graph, graphNodes, subjects, terraform);
    endpoints.push({ platform: 'sagemaker', id: resourceId(endpoint), name: endpoint.address, subjects, graphNodes, resource: endpoint, parts: [...configs, ...models] });
  }
  const index = referenceIndex(terraform);
  for (const type of VERTEX_ENDPOINTS) {
    for (const endpoint of terraform.byType(type)) {
      if (endpoint.mode !== 'managed') continue;
      // IAM bindings and deployments that name the endpoint are part of it.
      const parts = referencing(index, endpoint);
      endpoints.push({ platform: 'vertex-ai', id: resourceId(endpoint), name: endpoint.address, subjects: new Set([endpoint, ...parts]), graphNodes: [], resource: endpoint, parts });
    }
  }
  for (const resource of terraform.byType('tf:azapi_resource')) {
    if (resource.mode !== 'managed' || !ONLINE_ENDPOINT.test(azapiTypeOf(resource) ?? '')) continue;
    const parts = referencing(index, resource).filter((part) => part.resourceType !== 'azapi_resource' || ONLINE_DEPLOYMENT.test(azapiTypeOf(part) ?? '') || !ONLINE_ENDPOINT.test(azapiTypeOf(part) ?? ''));
    endpoints.push({ platform: 'azure-ml', id: resourceId(resource), name: resource.address, subjects: new Set([resource, ...parts]), graphNodes: [], resource, parts });
  }
  return endpoints.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What hangs off the endpoint's graph nodes: entries and Services in front, accounts, roles, artifacts, buckets. */
function collect(graph: ServingGraph, starts: readonly string[], subjects: Set<Subject>, terraform: TerraformModel): void {
  const forward: readonly GraphEdgeKind[] = ['listens', 'runs-as', 'bound-to', 'assumes', 'loads', 'stored-in'];
  const seen = new Set<string>();
  const queue = [...starts];
  const ports: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id) || !graph.nodes.has(id)) continue;
    seen.add(id);
    const node = graph.node(id);
    if (node.subject) subjects.add(node.subject);
    if (node.kind === 'port') ports.push(id);
    if (node.kind === 'cloud-identity' && node.subject && 'address' in node.subject && node.subject.resourceType === 'aws_iam_role') {
      for (const policy of policiesOfRole(node.subject, terraform)) {
        subjects.add(policy.via);
        if (policy.holder) subjects.add(policy.holder);
      }
    }
    // The grants that give an identity its reach (a bucket IAM member, a role assignment) belong to the endpoint too.
    if (node.kind === 'cloud-identity') {
      for (const edge of graph.outgoing(id)) {
        const holder = edge.kind === 'can-write' || edge.kind === 'can-read' ? terraform.resourceOfDoc(edge.at.doc) : undefined;
        if (holder) subjects.add(holder);
      }
    }
    for (const edge of graph.outgoing(id)) if (forward.includes(edge.kind)) queue.push(edge.to);
  }
  // Backwards from the ports: every Service and entry on a route to them.
  const back = [...ports];
  const behind = new Set<string>();
  while (back.length > 0) {
    const id = back.shift() as string;
    if (behind.has(id)) continue;
    behind.add(id);
    const subject = graph.nodes.get(id)?.subject;
    if (subject) subjects.add(subject);
    for (const edge of graph.incoming(id, 'routes')) back.push(edge.from);
  }
}

/** Resources of the same root whose values reference `target` (IAM members, deployments naming it), from `index`. */
function referencing(index: ReferenceIndex, target: TfResource): TfResource[] {
  const out = new Set<TfResource>();
  for (const { resource, reference } of index.get(target.rootDir)?.get(target.configAddress) ?? []) {
    if (resource !== target && refersTo(reference, target)) out.add(resource);
  }
  return [...out];
}

/** The resources whose values reference each address, by root: built once, every cloud endpoint asks. */
type ReferenceIndex = Map<string | undefined, Map<string, Array<{ readonly resource: TfResource; readonly reference: TerraformReference }>>>;

function referenceIndex(terraform: TerraformModel): ReferenceIndex {
  const index: ReferenceIndex = new Map();
  for (const resource of terraform.resources) {
    const references = resource.root.doc.terraform?.references;
    if (!references) continue;
    let byAddress = index.get(resource.rootDir);
    if (!byAddress) index.set(resource.rootDir, (byAddress = new Map()));
    for (const list of references.values()) {
      for (const reference of list) {
        let entries = byAddress.get(reference.address);
        if (!entries) byAddress.set(reference.address, (entries = []));
        entries.push({ resource, reference });
      }
    }
  }
  return index;
}
