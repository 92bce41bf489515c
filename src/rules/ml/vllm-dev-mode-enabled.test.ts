import { ruleTester } from '../../testing/rule-tester.js';
import { vllmDevModeEnabled } from './vllm-dev-mode-enabled.js';

ruleTester(vllmDevModeEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/vllm-dev-mode-enabled',
  valid: [{ name: 'dev mode 0, from a Secret (unknown), and on a container that is not vLLM', file: 'pass-dev-mode-off.yaml' }],
  invalid: [
    {
      name: 'literal 1 and true from an envFrom ConfigMap',
      file: 'fail-dev-mode.yaml',
      errors: [
        { line: 19, messageId: 'devMode', severity: 'critical' },
        { line: 32, messageId: 'devMode', severity: 'critical' },
      ],
    },
  ],
});
