import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import type { ContainerRef } from '../model/kubernetes.js';
import type { TfResource } from '../model/terraform.js';
import { buildTerraformModel } from '../model/terraform.js';
import { Node } from '../model/value.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { defineRule } from '../rules/define-rule.js';
import type { Rule } from '../rules/define-rule.js';
import { SourceFile } from '../source/source-file.js';
import { runRules } from './run-rules.js';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton
  namespace: serving
spec:
  selector: {matchLabels: {app: triton}}
  template:
    metadata: {labels: {app: triton}}
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          securityContext:
            runAsUser: 1000
---
apiVersion: v1
kind: Service
metadata: {name: triton, namespace: serving}
spec: {selector: {app: triton}}
`;

function modelOf(text: string) {
  return adaptKubernetes(loadYamlStream(new SourceFile('m.yaml', text))).model;
}

function probeRule(report: (container: ContainerRef) => Node): Rule {
  return defineRule({
    meta: {
      id: 'IG-K8S-999',
      name: 'probe',
      title: 'probe',
      severity: 'low',
      rationale: '',
      remediation: '',
      references: [],
      mappings: {},
      targets: ['k8s:Workload'],
      fix: 'none',
      messages: { here: 'here {{what}}' },
      examples: { bad: '', good: '' },
    },
    create(context) {
      return { container: (container) => context.report({ messageId: 'here', data: { what: 'x' }, at: report(container) }) };
    },
  });
}

test('a crashing rule becomes IG-ENGINE-001 naming the rule and the resource; other rules still run', () => {
  const crashing = defineRule({
    ...probeRule((container) => container.node),
    create: () => ({
      object(object) {
        if (object.kind === 'Service') throw new TypeError('boom');
      },
    }),
  });
  const working = probeRule((container) => container.node.get('image'));
  const { findings, crashed } = runRules(modelOf(MANIFEST), [crashing, working]);
  assert.equal(crashed, true);
  const crash = findings.find((finding) => finding.ruleId === 'IG-ENGINE-001');
  assert.match(crash?.message ?? '', /IG-K8S-999 \(probe\) crashed on Service triton: TypeError: boom/);
  assert.equal(crash?.location.startLine, 17);
  assert.equal(findings.filter((finding) => finding.ruleId === 'IG-K8S-999').length, 1);
});

test('an absent value is located at its nearest existing parent key; a present one at its own key', () => {
  const absent = runRules(modelOf(MANIFEST), [probeRule((container) => container.node.get('securityContext', 'runAsNonRoot'))]).findings[0];
  assert.deepEqual([absent?.location.startLine, absent?.location.startColumn], [14, 11]);
  assert.equal(absent?.path, '/spec/template/spec/containers/0/securityContext/runAsNonRoot');
  const present = runRules(modelOf(MANIFEST), [probeRule((container) => container.node.get('securityContext', 'runAsUser'))]).findings[0];
  assert.deepEqual([present?.location.startLine, present?.location.startColumn, present?.location.endLine], [15, 13, 15]);
  assert.equal(present?.message, 'here x');
});

test('fingerprints survive line shifts and reformatting, and differ between fields', () => {
  const rule = probeRule((container) => container.node.get('image'));
  const before = runRules(modelOf(MANIFEST), [rule]).findings[0];
  const shifted = runRules(modelOf(`# a new comment\n\n${MANIFEST.replace('name: triton\n  namespace', 'name:   triton\n  namespace')}`), [rule]).findings[0];
  assert.notEqual(before?.location.startLine, shifted?.location.startLine);
  assert.equal(before?.fingerprint, shifted?.fingerprint);
  const other = runRules(modelOf(MANIFEST), [probeRule((container) => container.node.get('name'))]).findings[0];
  assert.notEqual(before?.fingerprint, other?.fingerprint);
});

test('Terraform resources are visited, located and named by their address', () => {
  const file = new SourceFile('main.tf', 'bucket: models\nversioning: []\n');
  const [doc] = loadYamlStream(file);
  assert.ok(doc);
  const root = Node.root(doc);
  const resource: TfResource = {
    type: 'tf:aws_s3_bucket',
    mode: 'managed',
    resourceType: 'aws_s3_bucket',
    name: 'models',
    address: 'module.serving.aws_s3_bucket.models[0]',
    configAddress: 'module.serving.aws_s3_bucket.models',
    key: 0,
    modulePath: ['serving'],
    file,
    doc,
    root,
    source: 'configuration',
  };
  const rule = defineRule({
    ...probeRule((container) => container.node),
    create: (context) => ({
      resource(visited) {
        if (visited.resourceType === 'aws_s3_bucket') context.report({ messageId: 'here', data: { what: 'versioning' }, at: visited.root.get('versioning') });
        if (visited.resourceType === 'aws_s3_bucket') throw new Error('after reporting');
      },
    }),
  });
  const { findings, crashed } = runRules(modelOf('{}'), [rule], { terraform: buildTerraformModel([resource]) });
  assert.equal(crashed, true);
  const [reported, crash] = findings;
  assert.deepEqual(reported?.resource, { kind: 'aws_s3_bucket', name: 'module.serving.aws_s3_bucket.models[0]' });
  assert.deepEqual([reported?.location.file, reported?.location.startLine, reported?.path], ['main.tf', 2, '/versioning']);
  assert.equal(crash?.ruleId, 'IG-ENGINE-001');
  assert.match(crash?.message ?? '', /crashed on module\.serving\.aws_s3_bucket\.models\[0\]: Error: after reporting/);
});
