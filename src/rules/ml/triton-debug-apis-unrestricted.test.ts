import { ruleTester } from '../../testing/rule-tester.js';
import { tritonDebugApisUnrestricted } from './triton-debug-apis-unrestricted.js';

ruleTester(tritonDebugApisUnrestricted, {
  fixtures: 'src/rules/ml/__fixtures__/triton-debug-apis-unrestricted',
  valid: [{ name: 'every group restricted on both endpoints, HTTP on loopback with gRPC off, metrics-only Service, lists from a Secret', file: 'pass-debug-apis-restricted.yaml' }],
  invalid: [
    {
      name: 'the onprem chart on an internet-facing LoadBalancer, a partial HTTP restriction, an undeclared HTTP port moved by a flag in a script',
      file: 'fail-debug-apis-published.yaml',
      errors: [
        { line: 33, messageId: 'unrestricted', severity: 'critical' },
        { line: 35, messageId: 'unrestricted', severity: 'critical' },
        { line: 87, messageId: 'partlyRestricted', severity: 'high' },
        { line: 124, messageId: 'unrestricted', severity: 'high' },
      ],
    },
  ],
});
