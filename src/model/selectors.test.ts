import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { KubernetesModel } from './kubernetes.js';
import { labelSelectorMatches, servicesSelecting, workloadsSelectedBy } from './selectors.js';
import { Node } from './value.js';

function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;
}

/** A selector written as YAML, read back as a Node. */
function selector(text: string): Node {
  const [document] = loadYamlStream(new SourceFile('selector.yaml', text));
  assert.ok(document);
  return Node.root(document);
}

const labels = { app: 'vllm', tier: 'inference' };

test('a plain map selector matches when every pair is in the labels', () => {
  assert.equal(labelSelectorMatches(selector('app: vllm'), labels), true);
  assert.equal(labelSelectorMatches(selector('app: vllm\ntier: batch'), labels), false);
  assert.equal(labelSelectorMatches(selector('{}'), labels), true);
  // A value that is not a string cannot match a label.
  assert.equal(labelSelectorMatches(selector('app: 1'), { app: '1' }), false);
});

test('a LabelSelector: matchLabels and every matchExpressions operator', () => {
  assert.equal(labelSelectorMatches(selector('matchLabels: {app: vllm}'), labels), true);
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: tier, operator: In, values: [inference, batch]}]'), labels), true);
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: tier, operator: NotIn, values: [inference]}]'), labels), false);
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: gpu, operator: NotIn, values: [a100]}]'), labels), true);
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: app, operator: Exists}]'), labels), true);
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: app, operator: DoesNotExist}]'), labels), false);
  assert.equal(labelSelectorMatches(selector('matchLabels: {app: vllm}\nmatchExpressions: [{key: tier, operator: In, values: [batch]}]'), labels), false);
  // Unreadable selectors match nothing.
  assert.equal(labelSelectorMatches(selector('matchExpressions: [{key: app, operator: Equals, values: [vllm]}]'), labels), false);
  assert.equal(labelSelectorMatches(selector('matchExpressions: "{{ .Values.expr }}"'), labels), false);
  assert.equal(labelSelectorMatches(selector('- app'), labels), false);
});

test('a Service selects the pod templates of its namespace whose labels match', () => {
  const model = modelOf(`apiVersion: v1
kind: Service
metadata: {name: vllm, namespace: llm}
spec: {selector: {app: vllm}}
---
apiVersion: v1
kind: Service
metadata: {name: headless, namespace: llm}
spec: {clusterIP: None}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  selector: {matchLabels: {app: vllm}}
  template:
    metadata: {labels: {app: vllm}}
    spec: {containers: [{name: vllm, image: vllm/vllm-openai:v0.6.3}]}
---
apiVersion: v1
kind: Pod
metadata: {name: vllm-debug, namespace: other, labels: {app: vllm}}
spec: {containers: [{name: shell, image: busybox:1.36}]}
`);
  const [vllm, headless] = model.byType('k8s:Service');
  assert.ok(vllm && headless);
  assert.deepEqual(
    workloadsSelectedBy(model, vllm).map((workload) => workload.object.name),
    ['vllm'],
  );
  // No selector: endpoints are managed by hand, nothing is selected.
  assert.deepEqual(workloadsSelectedBy(model, headless), []);
  const [deployment, pod] = model.workloads;
  assert.ok(deployment && pod);
  assert.deepEqual(
    servicesSelecting(model, deployment).map((service) => service.name),
    ['vllm'],
  );
  assert.deepEqual(servicesSelecting(model, pod), []);
});
