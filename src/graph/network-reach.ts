// Kubernetes NetworkPolicy semantics, evaluated exactly over the scanned set: can this pod (or address)
// open a connection to that pod (or address) on this port? Three-valued: a selector, a namespace label or
// a port Terraform / Helm leaves open makes the answer `unknown`, never a guess.
//
// The rules (kubernetes.io/docs/concepts/services-networking/network-policies):
// - a pod is isolated for ingress (egress) when a NetworkPolicy of its namespace selects it with that
//   policy type; `policyTypes` defaults to Ingress, plus Egress when `egress` rules are written;
// - an isolated pod accepts a connection that some rule of some selecting policy allows (policies add up);
// - a connection needs both the source's egress and the destination's ingress to allow it;
// - a peer is `podSelector` (pods of the policy's namespace), `namespaceSelector` (every pod of the selected
//   namespaces), both (pods matching the first in namespaces matching the second) or `ipBlock` (`cidr`
//   less `except`); a rule without peers admits every source, a rule without `ports` every port;
// - a port is a number (with `endPort`, a range) or a name resolved against the destination pod's ports.
// All of this holds only where the network plugin enforces NetworkPolicies: the caller passes what the
// scan's Terraform says of that (`network-policy-enforcement.ts`).
import { cidrContains } from '../model/network-egress.js';
import type { K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import { networkPoliciesIn } from '../model/network-policies.js';
import type { NetworkPolicyEnforcement } from '../model/network-policy-enforcement.js';
import { runningPodLabels } from '../model/pod-labels.js';
import type { Labels } from '../model/selectors.js';
import type { Node } from '../model/value.js';

export type Tri = 'yes' | 'no' | 'unknown';

/** One end of a connection: the pods of a template, or an address outside the cluster. */
export type Endpoint =
  | { readonly kind: 'pod'; readonly workload: Workload }
  | { readonly kind: 'address'; readonly address: string; readonly label: string };

/** The destination port: a number, or a name the destination pod declares; TCP unless said. */
export interface PortQuery {
  readonly number?: number;
  readonly name?: string;
  readonly protocol?: string;
}

/** What one direction's policies decide. */
export interface DirectionVerdict {
  /** Some policy of the pod's namespace selects it for this direction. */
  readonly isolated: Tri;
  readonly allowed: Tri;
  /** The policies that select the pod for this direction (also those that might). */
  readonly policies: readonly K8sObject[];
  /** The rule that lets the connection through, when one does. */
  readonly allowedBy?: { readonly policy: K8sObject; readonly rule: Node };
}

export interface ReachVerdict {
  readonly allowed: Tri;
  /** What the scanned policies decide, as if the cluster enforced them. */
  readonly byPolicies: Tri;
  /**
   * Set when the cluster's enforcement changed the policies' answer: not enforced, what they would block goes
   * through (`allowed: 'yes'`); unknown, it may (`allowed: 'unknown'`).
   */
  readonly enforcement?: NetworkPolicyEnforcement;
  /** The destination pod's ingress; undefined when the destination is an address. */
  readonly ingress?: DirectionVerdict;
  /** The source pod's egress; undefined when the source is an address. */
  readonly egress?: DirectionVerdict;
}

export const METADATA_ADDRESS = '169.254.169.254';
/** An address of the internet (TEST-NET-3, never routed): what "from the internet" is checked with. */
export const INTERNET_ADDRESS = '203.0.113.10';

export function and(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}

export function or(a: Tri, b: Tri): Tri {
  if (a === 'yes' || b === 'yes') return 'yes';
  return a === 'no' && b === 'no' ? 'no' : 'unknown';
}

function tri(value: boolean): Tri {
  return value ? 'yes' : 'no';
}

/** Whether anything under a node is a value Terraform or a template leaves open. */
function holdsUnknown(node: Node): boolean {
  if (node.state === 'unknown') return true;
  if (Array.isArray(node.value)) return node.items().some(holdsUnknown);
  if (node.isMap()) return node.entries().some(([, child]) => holdsUnknown(child));
  return false;
}

/** A LabelSelector against known labels; `labels` undefined means only the keys in `known` are known. */
export function selectorMatches(selector: Node, labels: Labels, complete = true): Tri {
  if (!selector.isWritten()) return 'yes';
  if (holdsUnknown(selector)) return 'unknown';
  if (!selector.isMap()) return 'no';
  // Not a LabelSelector (`{app: x}` where `matchLabels` belongs): the API server rejects or drops it.
  if (selector.entries().some(([key]) => key !== 'matchLabels' && key !== 'matchExpressions')) return 'unknown';
  const results: Tri[] = [];
  for (const [key, value] of selector.get('matchLabels').entries()) {
    const wanted = value.str();
    if (wanted === undefined) return 'no';
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    results.push(has ? tri(labels[key] === wanted) : complete ? 'no' : 'unknown');
  }
  const expressions = selector.get('matchExpressions');
  if (expressions.isWritten() && !Array.isArray(expressions.value)) return 'no';
  for (const expression of expressions.items()) {
    const key = expression.get('key').str();
    const operator = expression.get('operator').str();
    if (key === undefined || operator === undefined) return 'no';
    const values = expression.get('values').items().map((item) => item.str());
    if (values.some((value) => value === undefined)) return 'no';
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (!has && !complete) {
      results.push('unknown');
      continue;
    }
    const value = labels[key];
    switch (operator) {
      case 'In':
        results.push(tri(has && values.includes(value)));
        break;
      case 'NotIn':
        results.push(tri(!has || !values.includes(value)));
        break;
      case 'Exists':
        results.push(tri(has));
        break;
      case 'DoesNotExist':
        results.push(tri(!has));
        break;
      default:
        return 'no';
    }
  }
  return results.reduce<Tri>(and, 'yes');
}

/** What is known of a namespace's labels: all of them when its Namespace object is scanned, else only its name label. */
function namespaceLabels(model: KubernetesModel, namespace: string | undefined): { labels: Labels; complete: boolean } | undefined {
  if (namespace === undefined) return undefined;
  const object = model.objects.find((candidate) => candidate.kind === 'Namespace' && candidate.group === '' && candidate.name === namespace);
  const name = { 'kubernetes.io/metadata.name': namespace };
  if (!object) return { labels: name, complete: false };
  return { labels: { ...object.root.get('metadata', 'labels').stringRecord(), ...name }, complete: !holdsUnknown(object.root.get('metadata', 'labels')) };
}

/** Namespaces compare as written: objects that leave it to the deploy tool land in the same one. */
function namespaceOf(object: K8sObject): string {
  return object.namespace ?? '';
}

/** The policy types a NetworkPolicy enforces; undefined when they cannot be read. */
function policyTypes(policy: K8sObject): ReadonlySet<'Ingress' | 'Egress'> | undefined {
  const written = policy.root.get('spec', 'policyTypes');
  if (written.state === 'unknown' || holdsUnknown(written)) return undefined;
  const items = written.items().map((item) => item.str());
  if (items.length === 0) return new Set(policy.root.get('spec', 'egress').isWritten() ? ['Ingress', 'Egress'] : ['Ingress']);
  return new Set(items.filter((item): item is 'Ingress' | 'Egress' => item === 'Ingress' || item === 'Egress'));
}

/** The named ports a pod template declares, by name. */
function namedPorts(workload: Workload): Map<string, { number: number; protocol: string }> {
  const names = new Map<string, { number: number; protocol: string }>();
  for (const container of workload.containers) {
    for (const entry of container.node.get('ports').items()) {
      const name = entry.get('name').str();
      const number = entry.get('containerPort').value;
      if (name !== undefined && typeof number === 'number') names.set(name, { number, protocol: entry.get('protocol').str() ?? 'TCP' });
    }
  }
  return names;
}

/** Whether a rule's `ports` entry covers the destination port. */
function portEntryCovers(entry: Node, port: PortQuery, destination: Workload | undefined): Tri {
  if (holdsUnknown(entry)) return 'unknown';
  const protocol = entry.get('protocol').str() ?? 'TCP';
  if (protocol !== (port.protocol ?? 'TCP')) return 'no';
  const written = entry.get('port');
  if (!written.isWritten()) return 'yes';
  const names = destination ? namedPorts(destination) : new Map<string, { number: number; protocol: string }>();
  const number = port.number ?? (port.name !== undefined ? names.get(port.name)?.number : undefined);
  if (typeof written.value === 'string') {
    // A named port is looked up on the destination pod; an address has none.
    if (port.name !== undefined) return tri(written.value === port.name);
    const named = names.get(written.value);
    if (named === undefined) return 'no';
    return number === undefined ? 'unknown' : tri(named.number === number);
  }
  if (typeof written.value !== 'number') return 'no';
  if (number === undefined) return 'unknown';
  const end = entry.get('endPort').value;
  return tri(typeof end === 'number' ? number >= written.value && number <= end : number === written.value);
}

function portsCover(rule: Node, port: PortQuery, destination: Workload | undefined): Tri {
  const entries = rule.get('ports');
  if (entries.state === 'unknown') return 'unknown';
  if (!Array.isArray(entries.value) || entries.value.length === 0) return 'yes';
  return entries.items().reduce<Tri>((acc, entry) => or(acc, portEntryCovers(entry, port, destination)), 'no');
}

/** Whether a peer of `policy`'s rule matches an endpoint. */
function peerMatches(model: KubernetesModel, policy: K8sObject, peer: Node, endpoint: Endpoint): Tri {
  if (holdsUnknown(peer)) return 'unknown';
  const ipBlock = peer.get('ipBlock');
  if (ipBlock.isWritten()) {
    const cidr = ipBlock.get('cidr').str();
    if (cidr === undefined) return 'no';
    if (endpoint.kind === 'pod') return ipBlockHoldsPods(cidr, ipBlock.get('except').items().length > 0);
    const inside = cidrContains(cidr, endpoint.address);
    if (inside === undefined) return 'unknown';
    if (!inside) return 'no';
    const excepted = ipBlock.get('except').items().map((item) => cidrContains(item.str() ?? '', endpoint.address));
    if (excepted.some((value) => value === true)) return 'no';
    return excepted.some((value) => value === undefined) ? 'unknown' : 'yes';
  }
  if (endpoint.kind === 'address') return 'no';
  const podSelector = peer.get('podSelector');
  const namespaceSelector = peer.get('namespaceSelector');
  if (!podSelector.isWritten() && !namespaceSelector.isWritten()) return 'no';
  let inNamespace: Tri;
  if (namespaceSelector.isWritten()) {
    const known = namespaceLabels(model, endpoint.workload.object.namespace);
    if (known === undefined) inNamespace = selectorIsEmpty(namespaceSelector) ? 'yes' : 'unknown';
    else inNamespace = selectorMatches(namespaceSelector, known.labels, known.complete);
  } else {
    inNamespace = tri(namespaceOf(endpoint.workload.object) === namespaceOf(policy));
  }
  return and(inNamespace, podSelector.isWritten() ? selectorMatches(podSelector, runningPodLabels(endpoint.workload)) : 'yes');
}

/** Private ranges a pod network is carved from (RFC 1918, shared address space, IPv6 unique local). */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

/**
 * Whether an ipBlock takes in pod addresses. The documentation wants cluster-external CIDRs and leaves pod
 * IPs to the CNI: a block of every address does take them in, one that overlaps a private range might (the
 * pod network is there), one of public addresses only does not.
 */
function ipBlockHoldsPods(cidr: string, hasExcept: boolean): Tri {
  if (/\/0+$/.test(cidr.trim())) return hasExcept ? 'unknown' : 'yes';
  const base = cidr.trim().split('/')[0] ?? '';
  const overlaps = PRIVATE_RANGES.some((range) => cidrContains(range, base) === true || cidrContains(cidr, range.split('/')[0] ?? '') === true);
  return overlaps ? 'unknown' : 'no';
}

function selectorIsEmpty(selector: Node): boolean {
  return selector.isMap() && selector.get('matchLabels').entries().length === 0 && selector.get('matchExpressions').items().length === 0;
}

/** What one direction's policies of `pod`'s namespace say about a connection with `other`. */
function direction(model: KubernetesModel, pod: Workload, type: 'Ingress' | 'Egress', other: Endpoint, port: PortQuery, destination: Workload | undefined): DirectionVerdict {
  const labels = runningPodLabels(pod);
  let isolated: Tri = 'no';
  let allowed: Tri = 'no';
  let allowedBy: DirectionVerdict['allowedBy'];
  const policies: K8sObject[] = [];
  for (const policy of networkPoliciesIn(model, pod.object.namespace)) {
    const types = policyTypes(policy);
    const enforces: Tri = types === undefined ? 'unknown' : tri(types.has(type));
    const selects = and(enforces, selectorMatches(policy.root.get('spec', 'podSelector'), labels));
    if (selects === 'no') continue;
    policies.push(policy);
    isolated = or(isolated, selects);
    const rules = policy.root.get('spec', type === 'Ingress' ? 'ingress' : 'egress');
    if (rules.isWritten() && !Array.isArray(rules.value)) {
      allowed = or(allowed, 'unknown');
      continue;
    }
    for (const rule of rules.items()) {
      const peers = rule.get(type === 'Ingress' ? 'from' : 'to');
      const peerResult: Tri =
        peers.state === 'unknown' ? 'unknown' : !Array.isArray(peers.value) || peers.value.length === 0 ? 'yes' : peers.items().reduce<Tri>((acc, peer) => or(acc, peerMatches(model, policy, peer, other)), 'no');
      // A policy that only might select the pod can only make the verdict unknown.
      const result = and(and(peerResult, portsCover(rule, port, destination)), selects === 'yes' ? 'yes' : 'unknown');
      if (result === 'yes' && allowed !== 'yes') allowedBy = { policy, rule };
      allowed = or(allowed, result);
    }
  }
  // Not isolated: everything is allowed. Maybe isolated: allowed only if some rule surely allows.
  const verdict: Tri = isolated === 'no' ? 'yes' : allowed === 'yes' ? 'yes' : isolated === 'yes' ? allowed : 'unknown';
  return { isolated, allowed: verdict, policies, ...(allowedBy && verdict === 'yes' && isolated !== 'no' ? { allowedBy } : {}) };
}

export interface ReachOptions {
  /**
   * Whether the cluster enforces NetworkPolicies. Left out, they are taken as enforced, as the Kubernetes
   * documentation's answers are; `unknown` turns what they block into `unknown`, `not-enforced` into allowed.
   */
  readonly enforcement?: NetworkPolicyEnforcement;
}

/** Whether `from` may open a connection to `to` on `port`, as the scanned NetworkPolicies say (policies not in the scan are outside the answer). */
export function reach(model: KubernetesModel, from: Endpoint, to: Endpoint, port: PortQuery, options: ReachOptions = {}): ReachVerdict {
  const destination = to.kind === 'pod' ? to.workload : undefined;
  const egress = from.kind === 'pod' ? direction(model, from.workload, 'Egress', to, port, destination) : undefined;
  const ingress = to.kind === 'pod' ? direction(model, to.workload, 'Ingress', from, port, destination) : undefined;
  const byPolicies = and(egress?.allowed ?? 'yes', ingress?.allowed ?? 'yes');
  const { enforcement } = options;
  const state = enforcement?.state ?? 'enforced';
  const allowed: Tri = byPolicies === 'yes' || state === 'enforced' ? byPolicies : state === 'not-enforced' ? 'yes' : 'unknown';
  return { allowed, byPolicies, ...(enforcement && allowed !== byPolicies ? { enforcement } : {}), ...(ingress ? { ingress } : {}), ...(egress ? { egress } : {}) };
}
