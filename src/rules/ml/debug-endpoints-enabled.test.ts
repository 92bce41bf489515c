import { ruleTester } from '../../testing/rule-tester.js';
import { debugEndpointsEnabled } from './debug-endpoints-enabled.js';

ruleTester(debugEndpointsEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/debug-endpoints-enabled',
  valid: [{ name: 'vLLM without profiler or tokenizer info; MLServer debug false', file: 'pass-production.yaml' }],
  invalid: [
    {
      name: 'tokenizer-info and profiler-config flags, the older profiler env, MLServer debug',
      file: 'fail-debug.yaml',
      errors: [
        { line: 18, messageId: 'tokenizerInfo', severity: 'medium' },
        { line: 19, messageId: 'profiler', severity: 'medium' },
        { line: 25, messageId: 'profiler', severity: 'medium' },
        { line: 44, messageId: 'mlserverDebug', severity: 'medium' },
      ],
    },
  ],
});
