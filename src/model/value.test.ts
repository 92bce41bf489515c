import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import type { TerraformReference, TerraformValueFacts, ValueSource } from '../parse/kubernetes/types.js';
import { Node } from './value.js';

function rootOf(text: string): Node {
  const [document] = loadYamlStream(new SourceFile('inline.yaml', text));
  assert.ok(document);
  return Node.root(document);
}

test('isWritten: null reads as not written, any other value as written', () => {
  const root = rootOf('a: null\nb: false\nc: ""\nd: {}\n');
  assert.equal(root.get('a').isWritten(), false);
  assert.equal(root.get('missing').isWritten(), false);
  for (const key of ['b', 'c', 'd']) assert.equal(root.get(key).isWritten(), true, key);
});

test('stringRecord keeps only string values, and is empty for a non-mapping', () => {
  assert.deepEqual(rootOf('labels: { app: vllm, port: 8000, gpu: true, tier: inference }').get('labels').stringRecord(), { app: 'vllm', tier: 'inference' });
  assert.deepEqual(rootOf('labels: [a, b]').get('labels').stringRecord(), {});
  assert.deepEqual(rootOf('{}').get('labels').stringRecord(), {});
});

function terraformRootOf(text: string, facts: { unknown?: string[]; references?: Record<string, TerraformReference[]>; setBy?: Record<string, ValueSource[]> }): Node {
  const [document] = loadYamlStream(new SourceFile('main.tf', text));
  assert.ok(document);
  const terraform: TerraformValueFacts = {
    unknown: new Set(facts.unknown ?? []),
    references: new Map(Object.entries(facts.references ?? {})),
    setBy: new Map(Object.entries(facts.setBy ?? {})),
  };
  return Node.root({ ...document, terraform });
}

test('a Terraform value unknown until apply counts as written but has no value, and everything under it is unknown', () => {
  const root = terraformRootOf('kms_key_arn: null\nsecurity_context: null\nname: model\n', { unknown: ['/kms_key_arn', '/security_context'] });
  const key = root.get('kms_key_arn');
  assert.equal(key.state, 'unknown');
  assert.equal(key.exists, true);
  assert.equal(key.isWritten(), true);
  assert.equal(key.value, undefined);
  assert.equal(key.str(), undefined);
  assert.equal(key.string().state, 'unknown');
  const nested = root.get('security_context', 0, 'run_as_non_root');
  assert.equal(nested.state, 'unknown');
  assert.equal(nested.isTrue(), false);
  assert.equal(nested.isFalse(), false);
  assert.deepEqual(root.get('security_context').items(), []);
  assert.equal(root.get('name').state, 'set');
  assert.equal(root.get('missing').state, 'absent');
});

test('references and setBy are read by pointer; YAML documents have none', () => {
  const reference: TerraformReference = { address: 'aws_kms_key.k', attribute: ['arn'] };
  const source: ValueSource = { description: 'terraform.tfvars' };
  const root = terraformRootOf('kms_key_arn: null\npublic: true\n', { unknown: ['/kms_key_arn'], references: { '/kms_key_arn': [reference] }, setBy: { '/public': [source] } });
  assert.deepEqual(root.get('kms_key_arn').references(), [reference]);
  assert.deepEqual(root.get('public').setBy(), [source]);
  assert.deepEqual(rootOf('a: 1').get('a').references(), []);
});
