import type { K8sObject, KubernetesModel } from './kubernetes.js';

/** A by-name reference to another object: a backendRef, a parentRef, a plugin named in an annotation. */
export interface ObjectReference {
  readonly kind: string;
  /** The API groups the kind may come from (`''` for core). */
  readonly groups: ReadonlySet<string>;
  /** As written (or inherited from the referring object); compared as written, undefined matching undefined. */
  readonly namespace: string | undefined;
  readonly name: string;
}

/** The scanned object a reference names, if it is in the scanned set. */
export function findObject(model: KubernetesModel, reference: ObjectReference): K8sObject | undefined {
  const { kind, groups, namespace, name } = reference;
  return model.objects.find((object) => object.kind === kind && groups.has(object.group) && object.name === name && (object.namespace ?? '') === (namespace ?? ''));
}
