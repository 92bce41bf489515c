import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, isFloatingTag, parseImage, versionOfTag } from './images.js';

test('parseImage: registry, repository, tag, digest', () => {
  assert.deepEqual(parseImage('nvcr.io/nvidia/tritonserver:24.05-py3'), { text: 'nvcr.io/nvidia/tritonserver:24.05-py3', registry: 'nvcr.io', repository: 'nvidia/tritonserver', tag: '24.05-py3', digest: undefined });
  assert.deepEqual(parseImage('localhost:5000/Ollama/ollama@sha256:abc'), { text: 'localhost:5000/Ollama/ollama@sha256:abc', registry: 'localhost:5000', repository: 'ollama/ollama', tag: undefined, digest: 'sha256:abc' });
  assert.equal(parseImage('vllm/vllm-openai').registry, undefined);
  assert.equal(parseImage('mirror.example.com/proxy/pytorch/torchserve:0.8.1-gpu').repository, 'proxy/pytorch/torchserve');
});

const versions: ReadonlyArray<[string | undefined, number[] | undefined]> = [
  ['0.8.1-gpu', [0, 8, 1]],
  ['24.05-py3', [24, 5]],
  ['v0.6.3.post1', [0, 6, 3]],
  ['2.9.0-py310-gpu', [2, 9, 0]],
  ['latest', undefined],
  ['sha-1a2b3c', undefined],
  ['2024', undefined],
  [undefined, undefined],
];
for (const [tag, expected] of versions) {
  test(`versionOfTag(${String(tag)})`, () => assert.deepEqual(versionOfTag(tag), expected));
}

test('compareVersions: numeric, missing parts are zero', () => {
  assert.ok(compareVersions([0, 8, 1], [0, 8, 2]) < 0);
  assert.ok(compareVersions([24, 5], [25, 7]) < 0);
  assert.ok(compareVersions([0, 10], [0, 9, 9]) > 0);
  assert.equal(compareVersions([2, 9], [2, 9, 0]), 0);
});

test('isFloatingTag', () => {
  assert.equal(isFloatingTag(undefined), true);
  assert.equal(isFloatingTag('latest'), true);
  assert.equal(isFloatingTag('24.05-py3'), false);
  assert.equal(isFloatingTag('latest-gpu'), true);
  assert.equal(isFloatingTag('nightly-cpu'), true);
  assert.equal(isFloatingTag('nightly-2024.01.01'), false);
});
