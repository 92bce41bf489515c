import { isFragment } from './fragments.js';
import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { isNamespaceName, networkPoliciesIn } from './network-policies.js';
import type { NetworkPolicyEnforcement } from './network-policy-enforcement.js';
import { runningPodLabels } from './pod-labels.js';
import { labelSelectorMatches } from './selectors.js';
import type { Labels } from './selectors.js';
import type { Node } from './value.js';

// Egress as NetworkPolicies (networking.k8s.io/v1) decide it for one pod template: the policies that
// select its pods (by the labels the pods run with, operator labels included) and take Egress, and
// whether their rules let a given address and port through. Ingress is `network-policies.ts`'.
//
// - `policyTypes` omitted (or empty): Ingress, plus Egress when `egress` has rules
//   (pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy: `len(spec.Egress) != 0`).
// - A pod no Egress policy selects may send anywhere; once one does, only what some rule of some
//   selecting Egress policy allows is allowed (rules add up across policies).
// - A rule without `to` (or with an empty list) allows every destination; without `ports`, every port.
//   `ipBlock.except` carves addresses out of `cidr`. Pod and namespace selectors pick pods, never an
//   address outside the cluster such as the metadata endpoint. A named port resolves against the
//   destination pod, so it never matches an `ipBlock` address. `protocol` defaults to TCP.

/**
 * The instance metadata endpoints a pod reaches over the node's network: AWS, GCP and Azure answer on
 * 169.254.169.254 (port 80); AWS also on fd00:ec2::254 on Nitro instances whose IPv6 endpoint is
 * enabled (`HttpProtocolIpv6`, disabled by default).
 */
export const METADATA_IPV4 = '169.254.169.254';
export const METADATA_IPV6 = 'fd00:ec2::254';
export const METADATA_PORT = 80;

export interface EgressPolicies {
  /** The scanned NetworkPolicies of the workload's namespace that select its pods and take Egress. */
  readonly selecting: readonly K8sObject[];
  /** Every NetworkPolicy of the namespace in the scanned set. */
  readonly inNamespace: readonly K8sObject[];
}

/** `podSelector: {}` or unwritten selects every pod of the namespace; otherwise by labels. */
function selects(policy: K8sObject, labels: Labels): boolean {
  const selector = policy.root.get('spec', 'podSelector');
  if (!selector.isWritten()) return true;
  return labelSelectorMatches(selector, labels);
}

/** Whether the policy takes Egress, after Kubernetes' defaulting; undefined when `policyTypes` cannot be read. */
export function takesEgress(policy: K8sObject): boolean | undefined {
  const spec = policy.root.get('spec');
  const types = spec.get('policyTypes');
  if (types.isWritten() && !Array.isArray(types.value)) return undefined;
  const listed = types.items().map((item) => item.str());
  if (listed.length > 0) return listed.includes('Egress');
  return spec.get('egress').items().length > 0;
}

/** The NetworkPolicies that govern a pod template's egress, from the scanned files. */
export function egressPoliciesOf(model: KubernetesModel, workload: Workload): EgressPolicies {
  const namespace = workload.object.namespace;
  const inNamespace = networkPoliciesIn(model, namespace);
  const labels = runningPodLabels(workload);
  return { inNamespace, selecting: inNamespace.filter((policy) => takesEgress(policy) === true && selects(policy, labels)) };
}

/** A rule of a selecting policy that lets the address through, and the peer that does (undefined: the rule has no `to`). */
export interface EgressAllowance {
  readonly policy: K8sObject;
  readonly rule: Node;
  readonly peer: Node | undefined;
  /** For messages: "`0.0.0.0/0`", "`169.254.0.0/16` (except `10.0.0.0/8`)", "every destination". */
  readonly description: string;
}

/**
 * Whether the selecting policies let TCP traffic to `address` on `port` out: the first rule that
 * does, `false` when none does, `undefined` when no rule does for sure and some cannot be read.
 */
export function egressAllowance(policies: readonly K8sObject[], address: string, port: number): EgressAllowance | false | undefined {
  let unknown = false;
  for (const policy of policies) {
    const egress = policy.root.get('spec', 'egress');
    if (egress.isWritten() && !Array.isArray(egress.value)) {
      unknown = true;
      continue;
    }
    for (const rule of egress.items()) {
      const ports = portsAllow(rule.get('ports'), port);
      if (ports === false) continue;
      const peer = peersAllow(rule.get('to'), address);
      if (peer === false) continue;
      if (ports === undefined || peer === undefined) {
        unknown = true;
        continue;
      }
      return { policy, rule, ...peer };
    }
  }
  return unknown ? undefined : false;
}

function portsAllow(ports: Node, port: number): boolean | undefined {
  if (!ports.isWritten()) return true;
  if (!Array.isArray(ports.value)) return undefined;
  if (ports.items().length === 0) return true;
  let unknown = false;
  for (const item of ports.items()) {
    const protocol = item.get('protocol');
    const name = protocol.isWritten() ? protocol.str() : 'TCP';
    if (name === undefined) {
      unknown = true;
      continue;
    }
    if (name !== 'TCP') continue;
    const number = item.get('port');
    if (!number.isWritten()) return true;
    if (typeof number.value === 'string') continue;
    if (typeof number.value !== 'number') {
      unknown = true;
      continue;
    }
    const end = item.get('endPort').value;
    if (number.value === port || (typeof end === 'number' && number.value <= port && port <= end)) return true;
  }
  return unknown ? undefined : false;
}

function peersAllow(to: Node, address: string): { peer: Node | undefined; description: string } | false | undefined {
  if (!to.isWritten()) return { peer: undefined, description: 'every destination (a rule without `to`)' };
  if (!Array.isArray(to.value)) return undefined;
  if (to.items().length === 0) return { peer: undefined, description: 'every destination (a rule with an empty `to`)' };
  let unknown = false;
  for (const peer of to.items()) {
    const block = peer.get('ipBlock');
    if (!block.isWritten()) continue;
    const cidr = block.get('cidr').str();
    const inside = cidr === undefined ? undefined : cidrContains(cidr, address);
    if (inside === false) continue;
    if (inside === undefined) {
      unknown = true;
      continue;
    }
    const except = block.get('except');
    if (except.isWritten() && !Array.isArray(except.value)) {
      unknown = true;
      continue;
    }
    const carved = except.items().map((item) => {
      const text = item.str();
      return text === undefined ? undefined : cidrContains(text, address);
    });
    if (carved.includes(true)) continue;
    if (carved.includes(undefined)) {
      unknown = true;
      continue;
    }
    const excepts = except.items().map((item) => `\`${item.str() ?? ''}\``);
    return { peer, description: `\`${(cidr as string).trim()}\`${excepts.length > 0 ? ` (except ${excepts.join(', ')})` : ''}` };
  }
  return unknown ? undefined : false;
}

/** Objects whose pod template is a template for other objects' pods (a ServingRuntime is merged into InferenceService pods). */
const TEMPLATE_ONLY = new Set(['serving.kserve.io/ServingRuntime', 'serving.kserve.io/ClusterServingRuntime', 'serving.kserve.io/LLMInferenceServiceConfig', 'mlops.seldon.io/ServerConfig']);

/** What the scanned NetworkPolicies say about a pod template's TCP traffic to one address and port. */
export type AddressEgress =
  /** The namespace has policies in the files, but none selects these pods for Egress: they may send anywhere. */
  | { readonly verdict: 'open'; readonly by: 'no-egress-policy'; readonly inNamespace: readonly K8sObject[] }
  | { readonly verdict: 'open'; readonly by: 'rule'; readonly allowance: EgressAllowance }
  /** The cluster does not enforce NetworkPolicies: what its Egress policies (`ignored`, maybe none in the files) would block goes out. */
  | { readonly verdict: 'open'; readonly by: 'not-enforced'; readonly enforcement: NetworkPolicyEnforcement; readonly ignored: readonly K8sObject[] }
  | { readonly verdict: 'closed' }
  | { readonly verdict: 'unknown' };

/**
 * Whether a pod template's pods may open a TCP connection to `address` on `port`. Unknown when the
 * namespace is left to the deploy tool (or a placeholder), for a kustomize patch (judged with its base), for
 * a runtime template (its pods are another object's), for hostNetwork pods (NetworkPolicies do not govern
 * them), when no NetworkPolicy of the namespace is in the files (they may be managed elsewhere), and when a
 * selecting rule cannot be read. Given the cluster's `enforcement`, a cluster that does not enforce
 * NetworkPolicies turns every verdict the policies would decide (closed, or unknown for want of them) into
 * open; left out, or unknown, the policies are taken as enforced.
 */
export function egressTo(model: KubernetesModel, workload: Workload, address: string, port: number, enforcement?: NetworkPolicyEnforcement): AddressEgress {
  const { object } = workload;
  if (isFragment(workload) || TEMPLATE_ONLY.has(`${object.group}/${object.kind}`)) return { verdict: 'unknown' };
  if (workload.podSpec.get('hostNetwork').isTrue()) return { verdict: 'unknown' };
  const decided = egressByPolicies(model, workload, address, port);
  if (decided.verdict === 'open' || enforcement?.state !== 'not-enforced') return decided;
  const namespace = object.namespace;
  const ignored = namespace !== undefined && isNamespaceName(namespace) ? egressPoliciesOf(model, workload).selecting : [];
  return { verdict: 'open', by: 'not-enforced', enforcement, ignored };
}

function egressByPolicies(model: KubernetesModel, workload: Workload, address: string, port: number): AddressEgress {
  const namespace = workload.object.namespace;
  if (namespace === undefined || !isNamespaceName(namespace)) return { verdict: 'unknown' };
  const { selecting, inNamespace } = egressPoliciesOf(model, workload);
  if (inNamespace.length === 0) return { verdict: 'unknown' };
  if (selecting.length === 0) return { verdict: 'open', by: 'no-egress-policy', inNamespace };
  const allowance = egressAllowance(selecting, address, port);
  if (allowance === undefined) return { verdict: 'unknown' };
  return allowance === false ? { verdict: 'closed' } : { verdict: 'open', by: 'rule', allowance };
}

/** An IPv4 or IPv6 address as a number, with its width; undefined when it is not one. */
function parseAddress(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  const trimmed = text.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(trimmed)) {
    const parts = trimmed.split('.').map(Number);
    if (parts.some((part) => part > 255)) return undefined;
    return { value: parts.reduce((acc, part) => (acc << 8n) | BigInt(part), 0n), bits: 32 };
  }
  if (!trimmed.includes(':') || !/^[0-9a-f:]+$/i.test(trimmed)) return undefined;
  const halves = trimmed.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] as string).split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] as string).split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return { value: groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n), bits: 128 };
}

/** Whether `cidr` holds `address`; false across IPv4 / IPv6; undefined when the CIDR cannot be read. */
export function cidrContains(cidr: string, address: string): boolean | undefined {
  const [base, prefixText, ...rest] = cidr.trim().split('/');
  if (base === undefined || prefixText === undefined || rest.length > 0 || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const network = parseAddress(base);
  const target = parseAddress(address);
  const prefix = Number(prefixText);
  if (!network || !target || prefix > network.bits) return undefined;
  if (network.bits !== target.bits) return false;
  const shift = BigInt(network.bits - prefix);
  return network.value >> shift === target.value >> shift;
}
