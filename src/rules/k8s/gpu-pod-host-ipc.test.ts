import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { gpuPodHostIpc } from './gpu-pod-host-ipc.js';
import { hostNamespaceShared } from './host-namespace-shared.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/gpu-pod-host-ipc';

ruleTester(gpuPodHostIpc, {
  fixtures: FIXTURES,
  valid: [{ name: 'hostIPC on a non-GPU pod, and a GPU Job with a sized /dev/shm instead', file: 'pass-no-gpu-or-shm.yaml' }],
  invalid: [
    {
      name: 'a GPU training Job and a Triton Deployment on the host IPC namespace',
      file: 'fail-training-and-triton.yaml',
      errors: [
        { line: 9, messageId: 'hostIpcGpu', severity: 'high' },
        { line: 31, messageId: 'hostIpcGpu', severity: 'high' },
      ],
    },
  ],
});

test('IG-K8S-006 replaces IG-K8S-108 on hostIPC of GPU pods; IG-K8S-108 stays on other pods', () => {
  const rules = [hostNamespaceShared, gpuPodHostIpc];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-training-and-triton.yaml`)), [
    'IG-K8S-006@31 critical [IG-K8S-108]',
    'IG-K8S-006@9 critical [IG-K8S-108]',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-no-gpu-or-shm.yaml`)), ['IG-K8S-108@8 high']);
});
