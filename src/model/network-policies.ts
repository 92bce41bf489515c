// NetworkPolicies as the rules read them: which ones select a pod template, and whether they leave
// some of its ports open to every pod or address. IG-K8S-125 (namespace-without-default-deny) and
// IG-ML-027 share the notions of an "open" peer and of a namespace name.
import { isDeletionPatch, isFragment } from './fragments.js';
import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { runningPodLabels } from './pod-labels.js';
import { labelSelectorMatches } from './selectors.js';
import type { Node } from './value.js';

/** `podSelector: {}` (or an empty `matchLabels` and no expressions): every pod of the namespace. Unwritten, it decodes as `{}`. */
export function selectsAllPods(selector: Node): boolean {
  if (!selector.isWritten()) return true;
  if (!selector.isMap()) return false;
  return selector.entries().every(([key, value]) => (key === 'matchLabels' || key === 'matchExpressions') && (value.value === null || value.entries().length + value.items().length === 0));
}

/** A CIDR with a zero-length prefix (`0.0.0.0/0`, `::/0`): every address. */
function isOpenCidr(node: Node): boolean {
  return /\/0+$/.test(node.str()?.trim() ?? '');
}

/** A peer that admits every address or every pod of the cluster: `ipBlock` of `0.0.0.0/0`, or `namespaceSelector: {}` without a narrowing `podSelector`. */
export function isOpenPeer(peer: Node): boolean {
  if (isOpenCidr(peer.get('ipBlock', 'cidr'))) return true;
  const namespaces = peer.get('namespaceSelector');
  const pods = peer.get('podSelector');
  return namespaces.isWritten() && selectsAllPods(namespaces) && (!pods.isWritten() || selectsAllPods(pods));
}

/**
 * Whether a policy's rules for one direction leave every pod it selects isolated: each rule names its
 * peers and none of them is "everything". A rule without peers (`- {}`, or only `ports`) allows all
 * traffic; an unreadable list is taken as allowing.
 */
export function rulesIsolate(rules: Node, peersKey: 'from' | 'to'): boolean {
  if (!rules.isWritten()) return true;
  if (!Array.isArray(rules.value)) return false;
  return rules.items().every((rule) => {
    const peers = rule.get(peersKey);
    if (!Array.isArray(peers.value) || peers.value.length === 0) return false;
    return !peers.items().some(isOpenPeer);
  });
}

/** A namespace name as the API accepts it (an RFC 1123 label); anything else is a placeholder filled in later (`${namespace}`, `FILLED BY THE OPERATOR`). */
export function isNamespaceName(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/** The NetworkPolicies of the scanned set (`networking.k8s.io`, kustomize `$patch: delete` left out). */
export function networkPolicies(model: KubernetesModel): K8sObject[] {
  return model.byType('k8s:NetworkPolicy').filter((policy) => policy.group === 'networking.k8s.io' && !isDeletionPatch(policy));
}

const byNamespaceCache = new WeakMap<KubernetesModel, ReadonlyMap<string, readonly K8sObject[]>>();

/** The NetworkPolicies of one namespace as written (`''` for policies that leave it to the deploy tool), indexed once per model. */
export function networkPoliciesIn(model: KubernetesModel, namespace: string | undefined): readonly K8sObject[] {
  let index = byNamespaceCache.get(model);
  if (!index) {
    const built = new Map<string, K8sObject[]>();
    for (const policy of networkPolicies(model)) {
      const key = policy.namespace ?? '';
      const list = built.get(key);
      if (list) list.push(policy);
      else built.set(key, [policy]);
    }
    byNamespaceCache.set(model, (index = built));
  }
  return index.get(namespace ?? '') ?? [];
}

/** Without `policyTypes` (or with an empty list), Kubernetes assumes Ingress (plus Egress when egress rules are written). */
function enforcesIngress(policy: K8sObject): boolean {
  const types = policy.root.get('spec', 'policyTypes').items();
  return types.length === 0 || types.some((item) => item.str() === 'Ingress');
}

/** Whether a NetworkPolicy port entry covers a pod port: by number (with `endPort`), or by a name the pod declares. */
function portCovers(entry: Node, number: number, names: ReadonlyMap<string, number>): boolean {
  const port = entry.get('port');
  if (!port.isWritten()) return true;
  if (typeof port.value === 'string') return names.get(port.value) === number;
  if (typeof port.value !== 'number') return false;
  const end = entry.get('endPort').value;
  return typeof end === 'number' ? number >= port.value && number <= end : number === port.value;
}

export type IngressIsolation =
  | { readonly state: 'unknown' }
  | { readonly state: 'none'; readonly namespace: string }
  | { readonly state: 'open'; readonly policy: K8sObject; readonly rule: Node; readonly selecting: readonly K8sObject[] }
  | { readonly state: 'restricted'; readonly selecting: readonly K8sObject[] };

/**
 * How the scanned NetworkPolicies treat ingress to some ports of a pod template. `unknown` when the
 * namespace is not written (or is a placeholder), the template is a fragment, or the scan holds no
 * policy of that namespace (pods are matched by the labels they run with, operator labels included) (they may live elsewhere: IG-K8S-125 reports the namespace); `none` when
 * policies of the namespace are scanned but none selects the pods for ingress; `open` when a rule of a
 * selecting policy admits every pod or address (no `from`, or an open peer) on one of the ports (an
 * empty `ports` list meaning every port); else `restricted`; both with the policies that select the pods. With no port numbers, only rules that
 * name no ports can open them (the ports are random: NCCL, Ray workers).
 */
export function ingressIsolation(model: KubernetesModel, workload: Workload, ports: readonly number[]): IngressIsolation {
  const namespace = workload.object.namespace;
  if (namespace === undefined || !isNamespaceName(namespace) || isFragment(workload)) return { state: 'unknown' };
  const policies = networkPoliciesIn(model, namespace);
  if (policies.length === 0) return { state: 'unknown' };
  const labels = runningPodLabels(workload);
  const selecting = policies.filter((policy) => {
    const selector = policy.root.get('spec', 'podSelector');
    return enforcesIngress(policy) && (selectsAllPods(selector) || labelSelectorMatches(selector, labels));
  });
  if (selecting.length === 0) return { state: 'none', namespace };
  const names = new Map<string, number>();
  for (const container of workload.containers) {
    for (const entry of container.node.get('ports').items()) {
      const name = entry.get('name').str();
      const number = entry.get('containerPort').value;
      if (name !== undefined && typeof number === 'number') names.set(name, number);
    }
  }
  for (const policy of selecting) {
    const rules = policy.root.get('spec', 'ingress');
    if (rules.isWritten() && !Array.isArray(rules.value)) return { state: 'open', policy, rule: rules, selecting };
    for (const rule of rules.items()) {
      const peers = rule.get('from');
      const open = !Array.isArray(peers.value) || peers.value.length === 0 || peers.items().some(isOpenPeer);
      if (!open) continue;
      const entries = rule.get('ports');
      const allPorts = !Array.isArray(entries.value) || entries.value.length === 0;
      if (allPorts || ports.some((number) => entries.items().some((entry) => portCovers(entry, number, names)))) return { state: 'open', policy, rule, selecting };
    }
  }
  return { state: 'restricted', selecting };
}
