import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { hostNamespaceShared } from './host-namespace-shared.js';
import { modelPodHostNetwork } from './model-pod-host-network.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-pod-host-network';

ruleTester(modelPodHostNetwork, {
  fixtures: FIXTURES,
  valid: [{ name: 'node agents and the GPU stack on the host network, vLLM on pod networking', file: 'pass-node-agents.yaml' }],
  invalid: [
    {
      name: 'multi-GPU vLLM from the production-stack chart and an NCCL test pod',
      file: 'fail-distributed-vllm.yaml',
      errors: [
        { line: 21, messageId: 'hostNetworkModel', severity: 'high' },
        { line: 42, messageId: 'hostNetworkModel', severity: 'high' },
      ],
    },
  ],
});

test('IG-K8S-008 replaces IG-K8S-108 on hostNetwork of model pods; IG-K8S-108 stays on node agents', () => {
  const rules = [hostNamespaceShared, modelPodHostNetwork];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-distributed-vllm.yaml`)), [
    'IG-K8S-008@21 critical [IG-K8S-108]',
    'IG-K8S-008@42 critical [IG-K8S-108]',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-node-agents.yaml`)), ['IG-K8S-108@14 high', 'IG-K8S-108@31 high']);
});
