import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelOf } from './ml/ml-testing.js';
import { evaluateSources } from './adapt/terraform/test-helpers.js';
import { cidrContains, egressAllowance, egressPoliciesOf, egressTo, takesEgress } from './network-egress.js';
import { networkPolicyEnforcement } from './network-policy-enforcement.js';

test('CIDR containment for IPv4 and IPv6; unreadable CIDRs are unknown', () => {
  assert.equal(cidrContains('0.0.0.0/0', '169.254.169.254'), true);
  assert.equal(cidrContains('169.254.0.0/16', '169.254.169.254'), true);
  assert.equal(cidrContains('169.254.169.254/32', '169.254.169.254'), true);
  assert.equal(cidrContains('169.254.169.0/31', '169.254.169.254'), false);
  assert.equal(cidrContains('10.0.0.0/8', '169.254.169.254'), false);
  assert.equal(cidrContains('::/0', 'fd00:ec2::254'), true);
  assert.equal(cidrContains('fd00:ec2::/32', 'fd00:ec2::254'), true);
  assert.equal(cidrContains('fd00:ec2::254/128', 'fd00:ec2::254'), true);
  assert.equal(cidrContains('fd00:ec3::/32', 'fd00:ec2::254'), false);
  // Across families: never.
  assert.equal(cidrContains('::/0', '169.254.169.254'), false);
  assert.equal(cidrContains('0.0.0.0/0', 'fd00:ec2::254'), false);
  for (const bad of ['${CIDR}', '10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', 'fd00::ec2::/32', '10.0.0.0/8/1']) assert.equal(cidrContains(bad, '169.254.169.254'), undefined, bad);
});

const policy = (spec: string): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n${spec}`;
const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns, labels: {app: a}}\nspec:\n  containers: [{name: a, image: busybox:1.36}]\n';

test('policyTypes default: Egress only when egress rules are written (an empty list or an absent field is Ingress only)', () => {
  const types = (spec: string): boolean | undefined => {
    const [object] = modelOf(policy(spec)).objects;
    assert.ok(object);
    return takesEgress(object);
  };
  assert.equal(types('  podSelector: {}\n'), false);
  assert.equal(types('  podSelector: {}\n  egress: []\n'), false);
  assert.equal(types('  podSelector: {}\n  egress: [{}]\n'), true);
  assert.equal(types('  podSelector: {}\n  policyTypes: []\n  egress: [{}]\n'), true);
  assert.equal(types('  podSelector: {}\n  policyTypes: [Ingress]\n  egress: [{}]\n'), false);
  assert.equal(types('  podSelector: {}\n  policyTypes: [Egress]\n'), true);
  assert.equal(types('  podSelector: {}\n  policyTypes: "{{ .Values.types }}"\n'), undefined);
});

test('egress to the metadata endpoint: rules add up across the selecting policies; ports and excepts narrow them', () => {
  const allowance = (...specs: string[]): string | false | undefined => {
    const model = modelOf([...specs.map((spec, i) => policy(spec).replace('name: p,', `name: p${i},`)), pod].join('---\n'));
    const workload = model.workloads[0];
    assert.ok(workload);
    const found = egressAllowance(egressPoliciesOf(model, workload).selecting, '169.254.169.254', 80);
    return found === false || found === undefined ? found : `${found.policy.name ?? ''}: ${found.description}`;
  };
  const deny = '  podSelector: {}\n  policyTypes: [Egress]\n';
  assert.equal(allowance(deny), false);
  assert.equal(allowance(deny, '  podSelector: {matchLabels: {app: a}}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n'), 'p1: `0.0.0.0/0`');
  // A policy that selects other pods adds nothing.
  assert.equal(allowance(deny, '  podSelector: {matchLabels: {app: b}}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n'), false);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]\n'), false);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n      ports: [{port: 443}, {port: 80, protocol: UDP}]\n'), false);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n      ports: [{port: 1, endPort: 1024}]\n'), 'p0: `0.0.0.0/0`');
  // A named port resolves against pods, never an ipBlock address.
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n      ports: [{port: http}]\n'), false);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - ports: [{port: 80}]\n'), 'p0: every destination (a rule without `to`)');
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{namespaceSelector: {}}]\n'), false);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: "{{ .Values.cidr }}"}}]\n'), undefined);
  assert.equal(allowance('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: "{{ .Values.except }}"}}]\n'), undefined);
});

test('egressTo on a cluster that does not enforce NetworkPolicies: what they would close, or leave unknown, is open', () => {
  const cluster = (body: string) => networkPolicyEnforcement(evaluateSources({ 'main.tf': `resource "azurerm_kubernetes_cluster" "serving" {\n  name = "serving"\n${body}}\n` }).model);
  const off = cluster('');
  const on = cluster('  network_profile {\n    network_plugin = "azure"\n    network_policy = "azure"\n  }\n');
  const verdict = (yaml: string, enforcement: ReturnType<typeof cluster>): string => {
    const model = modelOf(yaml);
    const workload = model.workloads[0];
    assert.ok(workload);
    const found = egressTo(model, workload, '169.254.169.254', 80, enforcement);
    return found.verdict === 'open' ? `open ${found.by}${found.by === 'not-enforced' ? ` ${found.ignored.map((item) => item.name ?? '').join(',')}` : ''}` : found.verdict;
  };
  const carved = `${policy('  podSelector: {}\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]\n')}---\n${pod}`;
  assert.equal(verdict(carved, on), 'closed');
  assert.equal(verdict(carved, off), 'open not-enforced p');
  assert.equal(verdict(pod, on), 'unknown', 'no policy of the namespace in the files');
  assert.equal(verdict(pod, off), 'open not-enforced ');
  // Open for the policies' own reason stays so; hostNetwork pods are left alone.
  assert.equal(verdict(`${policy('  podSelector: {}\n  egress: [{}]\n')}---\n${pod}`, off), 'open rule');
  assert.equal(verdict(`${carved.replace('  containers:', '  hostNetwork: true\n  containers:')}`, off), 'unknown');
});
