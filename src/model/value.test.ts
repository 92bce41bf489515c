import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
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
