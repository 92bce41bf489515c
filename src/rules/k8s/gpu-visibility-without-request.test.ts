import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { gpuVisibilityWithoutRequest } from './gpu-visibility-without-request.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/gpu-visibility-without-request';

ruleTester(gpuVisibilityWithoutRequest, {
  fixtures: FIXTURES,
  valid: [
    { name: 'GPU or MIG requested, void, the ROCm image, a Secret value, CUDA_VISIBLE_DEVICES alone, a DRA claim', file: 'pass-requested-void-unknown.yaml' },
    {
      name: 'the device plugin sets the variable by design',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: dp, namespace: kube-system}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n        - name: dp\n          image: nvcr.io/nvidia/k8s-device-plugin:v0.17.1\n          env: [{name: NVIDIA_VISIBLE_DEVICES, value: all}]\n',
    },
  ],
  invalid: [
    {
      name: 'the Ollama image, a literal `all`, a device list from a ConfigMap, the CUDA base image',
      file: 'fail-ollama-and-env.yaml',
      errors: [
        { line: 19, messageId: 'imageSetsVisibleDevices', severity: 'high' },
        { line: 34, messageId: 'visibleDevicesEnv' },
        { line: 52, messageId: 'visibleDevicesEnv' },
        { line: 59, messageId: 'imageSetsVisibleDevices' },
      ],
    },
  ],
});

test('IG-K8S-003 names where the device list comes from', () => {
  const path = `${FIXTURES}/fail-ollama-and-env.yaml`;
  const messages = findingsOf(gpuVisibilityWithoutRequest, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  assert.ok(messages.some((message) => message.includes('env NVIDIA_VISIBLE_DEVICES (envFrom ConfigMap embedder-env)=0,1')));
  assert.ok(messages.some((message) => message.includes('`ollama/ollama`')));
});
