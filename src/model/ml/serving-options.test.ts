import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flagSpellings, isCommitSha, isEnabledValue, modelReferenceKind } from './serving-options.js';

test('flagSpellings: dash and underscore forms', () => {
  assert.deepEqual(flagSpellings('--trust-remote-code'), ['--trust-remote-code', '--trust_remote_code']);
  assert.deepEqual(flagSpellings('--port'), ['--port']);
});

test('isEnabledValue and isCommitSha', () => {
  assert.ok(isEnabledValue(true) && isEnabledValue('True') && isEnabledValue('1'));
  assert.ok(!isEnabledValue('0') && !isEnabledValue('false') && !isEnabledValue(undefined));
  assert.ok(isCommitSha('0123456789abcdef0123456789abcdef01234567'));
  assert.ok(!isCommitSha('main') && !isCommitSha('v1.0') && !isCommitSha(true));
});

test('modelReferenceKind: Hub ids, local paths, storage, OCI, unreadable', () => {
  assert.equal(modelReferenceKind('meta-llama/Llama-3.1-8B-Instruct'), 'hub');
  assert.equal(modelReferenceKind('hf://Qwen/Qwen2.5-VL-7B-Instruct'), 'hub');
  assert.equal(modelReferenceKind('/mnt/models'), 'local');
  assert.equal(modelReferenceKind('pvc://llama/model'), 'local');
  assert.equal(modelReferenceKind('s3://bucket/llama'), 'storage');
  assert.equal(modelReferenceKind('oci://registry.example.com/models/llama:1.0'), 'oci');
  assert.equal(modelReferenceKind('$(MODEL)'), 'unknown');
  assert.equal(modelReferenceKind('gpt2'), 'unknown');
});
