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

const byNameCache = new WeakMap<KubernetesModel, ReadonlyMap<string, readonly K8sObject[]>>();

/** Objects by kind, namespace and name, in scan order, indexed once per model: references are looked up by the thousand. */
function named(model: KubernetesModel, kind: string, namespace: string | undefined, name: string): readonly K8sObject[] {
  let index = byNameCache.get(model);
  if (!index) {
    const built = new Map<string, K8sObject[]>();
    for (const object of model.objects) {
      if (object.name === undefined) continue;
      const key = `${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}`;
      const list = built.get(key);
      if (list) list.push(object);
      else built.set(key, [object]);
    }
    byNameCache.set(model, (index = built));
  }
  return index.get(`${kind}\u0000${namespace ?? ''}\u0000${name}`) ?? [];
}

/** The scanned object a reference names, if it is in the scanned set. */
export function findObject(model: KubernetesModel, reference: ObjectReference): K8sObject | undefined {
  const { kind, groups, namespace, name, near } = reference;
  const candidates = named(model, kind, namespace, name).filter((object) => groups.has(object.group));
  if (!near || candidates.length < 2) return candidates[0];
  let best: K8sObject | undefined;
  let bestScore = -1;
  for (const object of candidates) {
    const score = proximity(object, near);
    if (score > bestScore) [best, bestScore] = [object, score];
  }
  return best;
}
