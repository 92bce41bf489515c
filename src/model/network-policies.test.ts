import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { Workload } from './kubernetes.js';
import { ingressIsolation } from './network-policies.js';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: llm, labels: {app: llm}}
spec:
  containers: [{name: c, image: vllm/vllm-openai:v0.11.0, ports: [{name: dist, containerPort: 29500}]}]
`;

function isolation(policies: string, pod = POD): string {
  const model = adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', `${pod}${policies}`))).model;
  const result = ingressIsolation(model, model.workloads[0] as Workload, [29500]);
  return result.state === 'open' ? `open ${result.policy.name ?? ''}` : result.state;
}

function policy(name: string, spec: string, namespace = 'llm'): string {
  return `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`;
}

test('ingress isolation of a pod template for some ports', () => {
  assert.equal(isolation(''), 'unknown');
  assert.equal(isolation(policy('other-ns', '  podSelector: {}\n', 'web')), 'unknown');
  assert.equal(isolation(policy('egress-only', '  podSelector: {}\n  policyTypes: [Egress]\n')), 'none');
  assert.equal(isolation(policy('web', '  podSelector: {matchLabels: {app: web}}\n')), 'none');
  assert.equal(isolation(policy('deny', '  podSelector: {}\n')), 'restricted');
  assert.equal(isolation(policy('peers', '  podSelector: {matchLabels: {app: llm}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: llm}}}]}]\n')), 'restricted');
  assert.equal(isolation(policy('all', '  podSelector: {matchLabels: {app: llm}}\n  ingress: [{}]\n')), 'open all');
  assert.equal(isolation(policy('world', '  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]\n')), 'open world');
  // An open rule on other ports does not open these; a named port and a port range do.
  assert.equal(isolation(policy('http', '  podSelector: {}\n  ingress: [{ports: [{port: 8000}]}]\n')), 'restricted');
  assert.equal(isolation(policy('named', '  podSelector: {}\n  ingress: [{ports: [{port: dist}]}]\n')), 'open named');
  assert.equal(isolation(policy('range', '  podSelector: {}\n  ingress: [{ports: [{port: 29000, endPort: 29999}]}]\n')), 'open range');
  // A namespace left to the deploy tool, or a placeholder: unknown.
  assert.equal(isolation(policy('deny', '  podSelector: {}\n'), POD.replace('namespace: llm, ', '')), 'unknown');
});
