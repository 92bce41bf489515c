// The serving graph's shape: typed nodes and located edges, the ids that make a node unique in a scan, and
// the artifact step every provider shares. `serving-graph.ts` builds it; the provider modules add to it.
import type { ModelArtifact } from '../model/aws/model-artifacts.js';
import type { K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import type { ModelServer } from '../model/ml/model-server.js';
import { modelServersIn } from '../model/ml/model-server.js';
import type { TfResource } from '../model/terraform.js';
import type { Node } from '../model/value.js';

export type GraphNodeKind =
  | 'internet'
  | 'private-network'
  | 'cluster'
  | 'entry'
  | 'service'
  | 'workload'
  | 'port'
  | 'service-account'
  | 'rbac-role'
  | 'cloud-identity'
  | 'sagemaker-model'
  | 'artifact'
  | 'bucket';

export type GraphEdgeKind = 'routes' | 'listens' | 'runs-as' | 'bound-to' | 'assumes' | 'loads' | 'stored-in' | 'can-write' | 'can-read';

export interface GraphNode {
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  /** The object or resource the node stands for, when there is one. */
  readonly subject?: K8sObject | TfResource;
  /** Where it is declared. */
  readonly at?: Node;
  /** A port's roles (inference, management, metrics, …) and its server, for the rules. */
  readonly port?: { readonly number: number; readonly roles: readonly string[]; readonly server: ModelServer };
  readonly workload?: Workload;
  readonly artifact?: ModelArtifact;
  /** A port a service mesh wraps in mutual TLS (Istio STRICT, or a mesh that does so by default), and what decides it. */
  readonly mtls?: { readonly description: string; readonly at: Node };
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  /** Short and human: `Service serving/triton (LoadBalancer) port 8000 → 8000`. */
  readonly label: string;
  /** The located value that makes the edge. */
  readonly at: Node;
  /** On a way in or a route into a port: the authentication every path through it passes (auth-front). */
  readonly guard?: { readonly description: string; readonly at: Node };
}

export class ServingGraph {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges: GraphEdge[] = [];
  private readonly outgoingEdges = new Map<string, GraphEdge[]>();
  private readonly incomingEdges = new Map<string, GraphEdge[]>();
  private readonly edgeKeys = new Map<string, GraphEdge>();

  add(node: GraphNode): GraphNode {
    const existing = this.nodes.get(node.id);
    if (existing) return existing;
    this.nodes.set(node.id, node);
    return node;
  }

  /** Adds the edge, or returns the one already there between the same nodes with the same kind. */
  connect(edge: GraphEdge): GraphEdge {
    const key = `${edge.from}\u0000${edge.to}\u0000${edge.kind}`;
    const existing = this.edgeKeys.get(key);
    if (existing) return existing;
    this.edgeKeys.set(key, edge);
    this.edges.push(edge);
    (this.outgoingEdges.get(edge.from) ?? this.outgoingEdges.set(edge.from, []).get(edge.from)!).push(edge);
    (this.incomingEdges.get(edge.to) ?? this.incomingEdges.set(edge.to, []).get(edge.to)!).push(edge);
    return edge;
  }

  /** Puts `replacement` (the same two nodes and kind) where `edge` was. */
  replace(edge: GraphEdge, replacement: GraphEdge): void {
    const swap = (list: GraphEdge[] | undefined): void => {
      const index = list?.indexOf(edge) ?? -1;
      if (list && index >= 0) list[index] = replacement;
    };
    swap(this.edges);
    swap(this.outgoingEdges.get(edge.from));
    swap(this.incomingEdges.get(edge.to));
    this.edgeKeys.set(`${edge.from}\u0000${edge.to}\u0000${edge.kind}`, replacement);
  }

  outgoing(id: string, kind?: GraphEdgeKind): readonly GraphEdge[] {
    const edges = this.outgoingEdges.get(id) ?? [];
    return kind === undefined ? edges : edges.filter((edge) => edge.kind === kind);
  }

  incoming(id: string, kind?: GraphEdgeKind): readonly GraphEdge[] {
    const edges = this.incomingEdges.get(id) ?? [];
    return kind === undefined ? edges : edges.filter((edge) => edge.kind === kind);
  }

  node(id: string): GraphNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`no graph node ${id}`);
    return node;
  }

  ofKind(kind: GraphNodeKind): GraphNode[] {
    return [...this.nodes.values()].filter((node) => node.kind === kind);
  }
}

export const INTERNET = 'internet';
export const PRIVATE_NETWORK = 'private-network';
export const CLUSTER = 'cluster';

/**
 * Two objects of one name in different files (an environment's overlay beside another's, a broken and a fixed
 * variant) are different nodes: the file is part of the id.
 */
export function objectId(object: K8sObject): string {
  return `k8s:${object.kind}/${object.namespace ?? ''}/${object.name ?? '(unnamed)'}@${object.file.path}`;
}

export function workloadId(workload: Workload): string {
  return `workload:${workload.object.kind}/${workload.object.namespace ?? ''}/${workload.object.name ?? '(unnamed)'}#${workload.role}@${workload.object.file.path}`;
}

/** Two roots of one scan may hold the same address: the root is part of the id. */
export function resourceId(resource: TfResource): string {
  return `tf:${resource.rootDir ?? ''}:${resource.address}`;
}

export function objectLabel(object: K8sObject): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
}

/** The first pod template of each object whose pods run a model server: where a model URI's loader is in the graph. */
export function modelServerWorkloads(model: KubernetesModel): Map<K8sObject, Workload> {
  const workloads = new Map<K8sObject, Workload>();
  for (const server of modelServersIn(model)) if (!workloads.has(server.container.workload.object)) workloads.set(server.container.workload.object, server.container.workload);
  return workloads;
}

/** A model location and what loads it: a Kubernetes object (its model-server workload) or a SageMaker model. */
export interface ArtifactUse {
  readonly uri: string;
  readonly owner: TfResource | K8sObject;
  /** The value naming the location. */
  readonly at: Node;
  /** The S3 object it is, for the AWS rules. */
  readonly artifact?: ModelArtifact;
}

/** The artifact node of a model location, and the `loads` edge from its loader when the loader is a node. */
export function addArtifact(graph: ServingGraph, use: ArtifactUse, servers: ReadonlyMap<K8sObject, Workload>): GraphNode {
  const node = graph.add({ id: artifactId(use.uri), kind: 'artifact', label: use.uri, at: use.at, ...(use.artifact ? { artifact: use.artifact } : {}) });
  const owner = use.owner;
  const workload = 'address' in owner ? undefined : servers.get(owner);
  const ownerId = 'address' in owner ? resourceId(owner) : workload ? workloadId(workload) : undefined;
  if (ownerId !== undefined && graph.nodes.has(ownerId)) graph.connect({ from: ownerId, to: node.id, kind: 'loads', label: 'loads its model from', at: use.at });
  return node;
}

export function artifactId(uri: string): string {
  return `artifact:${uri}`;
}

/** A storage grant of an identity on one model location: write beats read. */
export interface StorageGrant {
  readonly access: 'write' | 'read';
  /** The role, as the edge's label. */
  readonly label: string;
  readonly at: Node;
}

/**
 * The strongest grant each identity holds on each model location, gathered from every grant that covers it,
 * then drawn as one `can-write` or `can-read` edge each (the first grant of the strongest kind is the one shown).
 */
export class StrongestGrants {
  private readonly byIdentity = new Map<string, Map<string, StorageGrant>>();

  /** Whether a grant of this access would be stronger than what the identity already holds there (to skip locating it). */
  improves(identity: string, uri: string, access: StorageGrant['access']): boolean {
    const known = this.byIdentity.get(identity)?.get(uri);
    return known === undefined || (known.access === 'read' && access === 'write');
  }

  give(identity: string, uri: string, grant: StorageGrant): void {
    if (!this.improves(identity, uri, grant.access)) return;
    let forIdentity = this.byIdentity.get(identity);
    if (!forIdentity) this.byIdentity.set(identity, (forIdentity = new Map()));
    forIdentity.set(uri, grant);
  }

  connect(graph: ServingGraph): void {
    for (const [identity, grants] of this.byIdentity) {
      for (const [uri, grant] of grants) graph.connect({ from: identity, to: artifactId(uri), kind: grant.access === 'write' ? 'can-write' : 'can-read', label: grant.label, at: grant.at });
    }
  }
}
