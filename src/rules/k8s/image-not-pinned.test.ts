import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from '../../testing/rule-tester.js';
import { imageNotPinned, parseImageReference } from './image-not-pinned.js';

ruleTester(imageNotPinned, {
  fixtures: 'src/rules/k8s/__fixtures__/image-not-pinned',
  valid: [{ name: 'digests, tool-substituted images, non-string image, ConfigMap look-alike', file: 'pass-pinned.yaml' }],
  invalid: [
    {
      name: 'registry with a port, latest on a model server, no tag, pinned sidecar',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 15, messageId: 'notDigest', severity: 'low' },
        { line: 18, messageId: 'mutableTag', severity: 'high' },
        { line: 21, messageId: 'mutableTag', severity: 'medium' },
      ],
    },
    {
      name: 'model server pinned by tag only, untagged ephemeral container',
      file: 'fail-pod.yaml',
      errors: [
        { line: 9, messageId: 'notDigest', severity: 'medium' },
        { line: 12, messageId: 'mutableTag', severity: 'medium' },
      ],
    },
    {
      name: 'a tag named like latest but not latest is only unpinned',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: "ollama/ollama:latest-rocm"\n',
      errors: [{ line: 7, messageId: 'notDigest' }],
    },
  ],
});

test('parseImageReference tells a registry port from a tag', () => {
  assert.deepEqual(parseImageReference('localhost:5000/x'), { name: 'localhost:5000/x' });
  assert.deepEqual(parseImageReference('localhost:5000/x:1.2'), { name: 'localhost:5000/x', tag: '1.2' });
  assert.deepEqual(parseImageReference('busybox'), { name: 'busybox' });
  assert.deepEqual(parseImageReference('nvcr.io/nvidia/tritonserver:24.05-py3@sha256:abc'), {
    name: 'nvcr.io/nvidia/tritonserver',
    tag: '24.05-py3',
    digest: 'sha256:abc',
  });
  assert.deepEqual(parseImageReference('repo@sha256:abc'), { name: 'repo', digest: 'sha256:abc' });
});
