import type { ParsedDocument, Path } from '../parse/kubernetes/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { Node } from './value.js';

/** A Kubernetes object found in a manifest (one document, or one item of a `List`). */
export interface K8sObject {
  /** Namespaced kind literal, e.g. `k8s:Deployment`. */
  readonly type: `k8s:${string}`;
  readonly kind: string;
  readonly apiVersion: string;
  /** API group: '' for core (`v1`), `apps` for `apps/v1`. */
  readonly group: string;
  readonly name: string | undefined;
  /** `metadata.namespace` as written; undefined when the manifest leaves it to the caller. */
  readonly namespace: string | undefined;
  readonly file: SourceFile;
  readonly doc: ParsedDocument;
  /** The object itself (the document root, or `items/<i>` of a List). */
  readonly root: Node;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export type ProbeKind = 'readiness' | 'liveness';

/** What the operator of a custom resource does to one container of its template. */
export interface ContainerFacts {
  /**
   * The object whose container of the same name the operator merges this one over (KServe merges
   * `predictor.model` over the ServingRuntime's `kserve-container`): whatever this container leaves
   * out, its image included, comes from there, so only what it writes can be judged.
   */
  readonly mergedOver?: string;
  /** Probes the operator adds when the container writes none (KubeRay's Ray container, Knative's serving container). */
  readonly defaultProbes?: readonly ProbeKind[];
  /** The operator fills in CPU / memory requests and limits the container leaves out (KServe, from its ConfigMap). */
  readonly defaultResources?: boolean;
  /**
   * The container the operator runs as the model server (the Ray container, `kserve-container`, a
   * Seldon graph unit); its siblings are sidecars. Set only where the resource says which one it is.
   */
  readonly server?: boolean;
}

/** One container of a pod template. */
export interface ContainerRef extends ContainerFacts {
  readonly node: Node;
  readonly role: ContainerRole;
  readonly name: string;
  readonly workload: Workload;
}

/**
 * Anything that carries a pod template: built-in workload kinds and, later, CRDs (KServe, Ray, …).
 * One object can hold several templates (a RayCluster head and its worker groups): one Workload each.
 */
export interface Workload {
  readonly object: K8sObject;
  /** The PodSpec node (`spec.template.spec` for a Deployment). */
  readonly podSpec: Node;
  /** The pod template's metadata node (labels the Services select on); absent for a bare PodSpec. */
  readonly podMetadata: Node;
  /** Which template of the object this is, e.g. 'pod', 'head', 'worker:gpu-group'. */
  readonly role: string;
  readonly containers: readonly ContainerRef[];
  /**
   * Set when pod-level fields (securityContext, service account, token mount) that this template
   * leaves out come from another object: a KServe ServingRuntime cannot write them, each
   * InferenceService that selects it does.
   */
  readonly podFieldsFrom?: string;
  /** The pods run to completion (a RayJob's submitter): probes do not apply. */
  readonly runsToCompletion?: boolean;
}

/** A container a custom resource writes outside the PodSpec's container lists (KServe `predictor.model`). */
export interface ExtraContainerLocation extends ContainerFacts {
  /** Path from the object root to the container-like mapping. */
  readonly path: Path;
  /** The name the operator gives the container it builds from it. */
  readonly name: string;
}

/** Where pod templates live inside an object of some kind. */
export interface PodTemplateLocation {
  readonly role: string;
  /** Path from the object root to the PodSpec. */
  readonly spec: Path;
  /** Path from the object root to the template metadata, when there is a template. */
  readonly metadata?: Path;
  /** Containers written outside `containers` / `initContainers`; they come first in the workload. */
  readonly extraContainers?: readonly ExtraContainerLocation[];
  /** What the operator does to each container of the PodSpec's lists (by list role and index). */
  readonly containerFacts?: (container: Node, role: ContainerRole, index: number) => ContainerFacts | undefined;
  readonly podFieldsFrom?: string;
  readonly runsToCompletion?: boolean;
}

/** Everything the rules see. */
export interface KubernetesModel {
  readonly objects: readonly K8sObject[];
  readonly workloads: readonly Workload[];
  /** Objects by namespaced kind literal, e.g. `k8s:Service`. */
  byType(type: `k8s:${string}`): readonly K8sObject[];
  /** The ServiceAccount object a workload runs as, when it is in the scanned set. */
  serviceAccountOf(workload: Workload): K8sObject | undefined;
}
