import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import type { Finding } from '../findings/finding.js';
import type { ContainerRef } from '../model/kubernetes.js';
import { modelServerFacts } from '../model/ml/model-server.js';
import type { TfResource } from '../model/terraform.js';
import { buildTerraformModel } from '../model/terraform.js';
import { Node, setUnknownReadHook } from '../model/value.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import type { ParsedDocument } from '../parse/kubernetes/types.js';
import { defineRule } from '../rules/define-rule.js';
import type { Rule, RuleVisitors } from '../rules/define-rule.js';
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

// Strict mode (IG-PARSE-004): documents with Terraform facts, built in memory.
function withUnknown(text: string, reasons: Readonly<Record<string, string>>, file = 'main.tf'): ParsedDocument {
  const [doc] = loadYamlStream(new SourceFile(file, text));
  assert.ok(doc);
  return { ...doc, terraform: { unknown: new Set(Object.keys(reasons)), references: new Map(), setBy: new Map(), unknownReasons: new Map(Object.entries(reasons)) } };
}

function bucket(doc: ParsedDocument, name: string): TfResource {
  return { type: 'tf:aws_s3_bucket', mode: 'managed', resourceType: 'aws_s3_bucket', name, address: `aws_s3_bucket.${name}`, configAddress: `aws_s3_bucket.${name}`, key: undefined, modulePath: [], file: doc.file, doc, root: Node.root(doc), source: 'configuration' };
}

function bucketRule(visitors: (report: (at: Node) => void) => RuleVisitors): Rule {
  return defineRule({
    ...probeRule((container) => container.node),
    create: (context) => visitors((at) => context.report({ messageId: 'here', data: { what: 'x' }, at })),
  });
}

const BUCKET = 'bucket: models\nacl: null\nversioning: [{enabled: null}]\n';
const unresolvedOf = (findings: readonly Finding[]) => findings.filter((finding) => finding.ruleId === 'IG-PARSE-004').map((finding) => `${finding.location.file}:${finding.location.startLine} ${finding.path} ${finding.message}`);

const strictCases: ReadonlyArray<{ name: string; rule: Rule; strict?: boolean; expected: string[] }> = [
  {
    name: 'a typed read of an unknown value, strict mode on',
    rule: bucketRule(() => ({ resource: (resource) => void resource.root.get('acl').string() })),
    expected: ['main.tf:2 /acl Value of aws_s3_bucket.b /acl (computed aws_kms_key.k.arn) could not be resolved; IG-K8S-999 was not evaluated.'],
  },
  {
    name: 'strict mode off',
    rule: bucketRule(() => ({ resource: (resource) => void resource.root.get('acl').string() })),
    strict: false,
    expected: [],
  },
  {
    name: 'under an unknown value: the reason of the unknown parent, at its line',
    rule: bucketRule(() => ({ resource: (resource) => void resource.root.get('versioning', 0, 'enabled').isTrue() })),
    expected: ['main.tf:3 /versioning/0/enabled Value of aws_s3_bucket.b /versioning/0/enabled (var.versioning has no value) could not be resolved; IG-K8S-999 was not evaluated.'],
  },
  {
    name: 'only whether it is written: not a value the rule needed',
    rule: bucketRule(() => ({ resource: (resource) => void [resource.root.get('acl').exists, resource.root.get('acl').isWritten()] })),
    expected: [],
  },
  {
    name: 'the rule reported on the resource',
    rule: bucketRule((report) => ({ resource: (resource) => (resource.root.get('acl').str() === undefined ? report(resource.root.get('bucket')) : undefined) })),
    expected: [],
  },
  {
    name: 'the rule crashed on the resource',
    rule: bucketRule(() => ({
      resource: (resource) => {
        if (resource.root.get('acl').str() === undefined) throw new Error('boom');
      },
    })),
    expected: [],
  },
];

for (const { name, rule, strict, expected } of strictCases) {
  test(`strict mode: ${name}`, () => {
    const doc = withUnknown(BUCKET, { '/acl': 'computed aws_kms_key.k.arn', '/versioning/0': 'var.versioning has no value' });
    const { findings } = runRules(modelOf('{}'), [rule], { terraform: buildTerraformModel([bucket(doc, 'b')]), strict: strict ?? true });
    assert.deepEqual(unresolvedOf(findings), expected);
    assert.equal(setUnknownReadHook(null), null, 'the engine leaves no recorder behind');
  });
}

test('strict mode: reads in `end` count for the resource holding the value, once per rule and resource', () => {
  const a = bucket(withUnknown(BUCKET, { '/acl': 'computed aws_kms_key.k.arn' }, 'a.tf'), 'a');
  const b = bucket(withUnknown(BUCKET, {}, 'b.tf'), 'b');
  const rule = bucketRule(() => ({ end: () => void [a, b, a].map((resource) => resource.root.get('acl').str()) }));
  const { findings } = runRules(modelOf('{}'), [rule], { terraform: buildTerraformModel([a, b]), strict: true, severityOverrides: new Map([['IG-PARSE-004', 'low']]) });
  assert.deepEqual(unresolvedOf(findings), ['a.tf:2 /acl Value of aws_s3_bucket.a /acl (computed aws_kms_key.k.arn) could not be resolved; IG-K8S-999 was not evaluated.']);
  assert.equal(findings[0]?.severity, 'low', 'a configured severity applies');
});

test('strict mode: every rule asking for cached model-server facts read the unknown image, not only the first', () => {
  const doc = withUnknown(MANIFEST, { '/spec/template/spec/containers/0/image': 'computed aws_ecr_repository.r.repository_url' });
  const { model } = adaptKubernetes([doc]);
  const asks = (id: string): Rule => {
    const rule = probeRule((container) => container.node);
    return defineRule({ meta: { ...rule.meta, id }, create: () => ({ container: (container) => void modelServerFacts(model, container) }) });
  };
  const { findings } = runRules(model, [asks('IG-K8S-997'), asks('IG-K8S-998')], { strict: true });
  assert.deepEqual(
    findings.map((finding) => finding.message.replace(/.* could not be resolved; /, '')),
    ['IG-K8S-997 was not evaluated.', 'IG-K8S-998 was not evaluated.'],
  );
});
