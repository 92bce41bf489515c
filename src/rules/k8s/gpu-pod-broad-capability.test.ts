import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { dangerousCapabilityAdded } from './dangerous-capability-added.js';
import { gpuPodBroadCapability } from './gpu-pod-broad-capability.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/gpu-pod-broad-capability';

ruleTester(gpuPodBroadCapability, {
  fixtures: FIXTURES,
  valid: [{ name: 'the DCGM exporter, a non-GPU VPN sidecar, IPC_LOCK on a GPU worker', file: 'pass-stack-and-plain.yaml' }],
  invalid: [
    {
      name: 'TGI with SYS_ADMIN and CAP_SYS_PTRACE, a profiler sidecar with ALL, an RDMA worker with NET_ADMIN',
      file: 'fail-profiling.yaml',
      errors: [
        { line: 22, messageId: 'broadCapability', severity: 'high' },
        { line: 23, messageId: 'broadCapability' },
        { line: 35, messageId: 'broadCapability' },
        { line: 48, messageId: 'broadCapability' },
      ],
    },
  ],
});

test('IG-K8S-009 replaces IG-K8S-105 on the same capability; IG-K8S-105 stays elsewhere', () => {
  const rules = [dangerousCapabilityAdded, gpuPodBroadCapability];
  const kept = summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-profiling.yaml`));
  assert.ok(kept.every((line) => line.startsWith('IG-K8S-009') && line.endsWith('[IG-K8S-105]')), kept.join('\n'));
  assert.equal(kept.length, 4);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-stack-and-plain.yaml`)), ['IG-K8S-105@19 high', 'IG-K8S-105@32 high']);
});
