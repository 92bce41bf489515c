import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { modelPodDefaultServiceAccount } from './model-pod-default-service-account.js';
import { serviceAccountTokenMounted } from './service-account-token-mounted.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-pod-default-service-account';

ruleTester(modelPodDefaultServiceAccount, {
  fixtures: FIXTURES,
  valid: [
    { name: 'dedicated accounts without tokens (on the account or the pod), and a pod that is not a model server', file: 'pass-dedicated-account.yaml' },
    { name: 'the head of an autoscaling RayCluster; a worker with its own account and no token', file: 'pass-ray-autoscaler.yaml' },
  ],
  invalid: [
    {
      name: 'TGI on the default account, Ollama with its own account but a token, TorchServe on `default` with the token forced on',
      file: 'fail-tgi-ollama-torchserve.yaml',
      errors: [
        { line: 14, messageId: 'defaultTokenMounted', severity: 'medium' },
        { line: 39, messageId: 'tokenMounted' },
        { line: 52, messageId: 'defaultTokenMounted' },
      ],
    },
    { name: 'TF Serving on the default account with the token off', file: 'fail-default-without-token.yaml', errors: [{ line: 6, messageId: 'defaultServiceAccount' }] },
  ],
});

test('IG-K8S-011 replaces IG-K8S-115 on the token of model pods; IG-K8S-115 stays for other pods', () => {
  const rules = [serviceAccountTokenMounted, modelPodDefaultServiceAccount];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-tgi-ollama-torchserve.yaml`)), [
    'IG-K8S-011@14 medium [IG-K8S-115]',
    'IG-K8S-011@39 medium [IG-K8S-115]',
    'IG-K8S-011@52 medium [IG-K8S-115]',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-dedicated-account.yaml`)), ['IG-K8S-115@49 low']);
});
