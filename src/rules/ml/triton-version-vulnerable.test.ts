import { ruleTester } from '../../testing/rule-tester.js';
import { tritonVersionVulnerable } from './triton-version-vulnerable.js';

ruleTester(tritonVersionVulnerable, {
  fixtures: 'src/rules/ml/__fixtures__/triton-version-vulnerable',
  valid: [{ name: 'fixed releases, the SDK image, a bare digest and a custom image', file: 'pass-fixed.yaml' }],
  invalid: [
    {
      name: 'py3, trtllm and vllm variants and a mirror below 25.07',
      file: 'fail-old-releases.yaml',
      errors: [
        { line: 16, messageId: 'vulnerable', severity: 'high' },
        { line: 19, messageId: 'vulnerable', severity: 'high' },
        { line: 22, messageId: 'vulnerable', severity: 'high' },
        { line: 24, messageId: 'vulnerable', severity: 'high' },
      ],
    },
    {
      name: 'HTTP on a NodePort (critical), ClusterIP only and HTTP turned off (high)',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 16, messageId: 'vulnerableExposed', severity: 'critical' },
        { line: 47, messageId: 'vulnerable', severity: 'high' },
        { line: 77, messageId: 'vulnerable', severity: 'high' },
      ],
    },
  ],
});
