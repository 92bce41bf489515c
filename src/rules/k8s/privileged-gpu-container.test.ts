import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverFiles } from '../../discover/discover.js';
import { scanFiles } from '../../pipeline/scan.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { privilegedContainer } from './privileged-container.js';
import { privilegedGpuContainer } from './privileged-gpu-container.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/privileged-gpu-container';

ruleTester(privilegedGpuContainer, {
  fixtures: FIXTURES,
  valid: [
    { name: 'GPU stack agents, unprivileged GPU pods and a privileged container with NVIDIA_VISIBLE_DEVICES=void', file: 'pass-gpu-stack-and-unprivileged.yaml' },
    {
      name: 'a privileged TPU container is left to IG-K8S-101',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: jetstream, namespace: serving}\nspec:\n  containers:\n    - name: server\n      image: vllm/vllm-tpu:v0.11.0\n      securityContext: {privileged: true}\n      resources:\n        limits: {google.com/tpu: 4}\n',
    },
  ],
  invalid: [
    {
      name: 'privileged Triton with a GPU and a privileged sidecar that sets NVIDIA_VISIBLE_DEVICES; the privileged busybox init container is not a GPU container',
      file: 'fail-triton-deployment.yaml',
      errors: [
        { line: 32, messageId: 'privilegedGpu', severity: 'critical' },
        { line: 45, messageId: 'privilegedGpuEnv', severity: 'critical' },
      ],
    },
    {
      name: 'a suppression written for IG-K8S-101 sits on the same field',
      file: 'fail-suppressed-generic-id.yaml',
      errors: [{ line: 11, messageId: 'privilegedGpu' }],
    },
    { name: 'privileged TorchServe without GPUs', file: 'fail-torchserve-cpu.yaml', errors: [{ line: 18, messageId: 'privilegedModelServer', severity: 'critical' }] },
  ],
});

test('IG-K8S-001 replaces IG-K8S-101 on the same field; IG-K8S-101 stays where IG-K8S-001 does not apply', () => {
  const rules = [privilegedContainer, privilegedGpuContainer];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-triton-deployment.yaml`)), [
    'IG-K8S-001@32 critical [IG-K8S-101]',
    'IG-K8S-001@45 critical [IG-K8S-101]',
    'IG-K8S-101@26 high',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-gpu-stack-and-unprivileged.yaml`)), ['IG-K8S-101@23 high', 'IG-K8S-101@50 high']);
});

test('a suppression of the generic id still applies once IG-K8S-001 has taken the finding over', async () => {
  const discovered = await discoverFiles({ paths: [`${FIXTURES}/fail-suppressed-generic-id.yaml`], cwd: process.cwd() });
  const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: [privilegedContainer, privilegedGpuContainer], failOn: 'high', today: '2026-11-29' });
  assert.deepEqual(
    result.findings.map((finding) => [finding.ruleId, finding.location.startLine, finding.alsoMatched, finding.suppression?.reason]),
    [['IG-K8S-001', 11, ['IG-K8S-101'], 'needs the device plugin socket until the migration']],
  );
});
