import { ruleTester } from '../../testing/rule-tester.js';
import { modelPodsNotIsolated } from './model-pods-not-isolated.js';

ruleTester(modelPodsNotIsolated, {
  fixtures: 'src/rules/graph/__fixtures__/model-pods-not-isolated',
  valid: [
    { name: 'every variant selected by a shared label, the management port closed; a namespace without policies is left to IG-K8S-125', file: 'pass-pods.yaml' },
    { name: 'model servers selected by a policy, on an AKS cluster with Azure Network Policy Manager', file: 'pass-cluster-enforces' },
  ],
  invalid: [
    {
      name: 'a canary no policy selects (TorchServe: high), a vLLM no policy selects (medium), a policy opening the management port to every pod',
      file: 'fail-pods.yaml',
      errors: [
        { line: 22, messageId: 'notIsolated', severity: 'high' },
        { line: 36, messageId: 'notIsolated', severity: 'medium' },
        { line: 73, messageId: 'controlOpen', severity: 'high' },
      ],
    },
    {
      name: 'model servers selected by a policy, but the AKS cluster has no network policy engine (TorchServe with its management port: high; vLLM: medium); a namespace without policies is left to IG-K8S-125',
      file: 'fail-cluster-not-enforced',
      errors: [
        { file: 'models.yaml', line: 9, messageId: 'notEnforced', severity: 'high' },
        { file: 'models.yaml', line: 22, messageId: 'notEnforced', severity: 'medium' },
      ],
    },
  ],
});
