import { ruleTester } from '../../testing/rule-tester.js';
import { inferenceGraphExternalStep } from './inference-graph-external-step.js';

ruleTester(inferenceGraphExternalStep, {
  fixtures: 'src/rules/ml/__fixtures__/inference-graph-external-step',
  valid: [
    {
      name: 'cluster DNS serviceUrls (plain HTTP, as for serviceName steps), serviceName and nodeName steps',
      file: 'pass-in-cluster-steps.yaml',
    },
  ],
  invalid: [
    {
      name: 'an external HTTPS step in a Sequence and a plain HTTP public address in a Switch',
      file: 'fail-external-steps.yaml',
      errors: [
        { line: 13, messageId: 'externalStep', severity: 'medium' },
        { line: 20, messageId: 'externalPlaintextStep', severity: 'medium' },
      ],
    },
  ],
});
