import { ruleTester } from '../../testing/rule-tester.js';
import { tritonModelControlUnrestricted } from './triton-model-control-unrestricted.js';

ruleTester(tritonModelControlUnrestricted, {
  fixtures: 'src/rules/ml/__fixtures__/triton-model-control-unrestricted',
  valid: [{ name: 'none mode, restricted endpoints, gRPC off, unreadable mode, not Triton', file: 'pass-restricted.yaml' }],
  invalid: [
    {
      name: 'explicit, poll in a shell script, and gRPC left open',
      file: 'fail-dynamic-control.yaml',
      errors: [
        { line: 20, messageId: 'explicitUnrestricted', severity: 'high' },
        { line: 40, messageId: 'pollUnrestricted', severity: 'high' },
        { line: 61, messageId: 'explicitUnrestricted', severity: 'high' },
      ],
    },
    {
      name: 'explicit with open HTTP on an internet-facing LoadBalancer (critical), poll not raised, the open endpoint only on ClusterIP (high)',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 20, messageId: 'explicitExposed', severity: 'critical' },
        { line: 52, messageId: 'pollUnrestricted', severity: 'high' },
        { line: 86, messageId: 'explicitUnrestricted', severity: 'high' },
      ],
    },
  ],
});
