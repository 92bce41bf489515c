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

/** One container of a pod template. */
export interface ContainerRef {
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
}

/** Where pod templates live inside an object of some kind. */
export interface PodTemplateLocation {
  readonly role: string;
  /** Path from the object root to the PodSpec. */
  readonly spec: Path;
  /** Path from the object root to the template metadata, when there is a template. */
  readonly metadata?: Path;
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
