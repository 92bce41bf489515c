import type { K8sObject, KubernetesModel } from './kubernetes.js';

/** A by-name reference to another object: a backendRef, a parentRef, a plugin named in an annotation. */
export interface ObjectReference {
  readonly kind: string;
  /** The API groups the kind may come from (`''` for core). */
  readonly groups: ReadonlySet<string>;
  /** As written (or inherited from the referring object); compared as written, undefined matching undefined. */
  readonly namespace: string | undefined;
  readonly name: string;
  /**
   * The referring object. When several scanned objects match (alternative overlays that reuse a
   * name, unrelated projects scanned together), the one nearest to it wins: same file, then the
   * deepest shared directory. Without it, the first match wins.
   */
  readonly near?: K8sObject;
}

/** Same file first, then the number of leading directory segments the two paths share. */
function proximity(a: K8sObject, b: K8sObject): number {
  if (a.file.path === b.file.path) return Number.MAX_SAFE_INTEGER;
  const left = a.file.path.split('/').slice(0, -1);
  const right = b.file.path.split('/').slice(0, -1);
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}

/** The scanned object a reference names, if it is in the scanned set. */
export function findObject(model: KubernetesModel, reference: ObjectReference): K8sObject | undefined {
  const { kind, groups, namespace, name, near } = reference;
  const matches = (object: K8sObject): boolean => object.kind === kind && groups.has(object.group) && object.name === name && (object.namespace ?? '') === (namespace ?? '');
  if (!near) return model.objects.find(matches);
  let best: K8sObject | undefined;
  let bestScore = -1;
  for (const object of model.byType(`k8s:${kind}`)) {
    if (!matches(object)) continue;
    const score = proximity(object, near);
    if (score > bestScore) [best, bestScore] = [object, score];
  }
  return best;
}
