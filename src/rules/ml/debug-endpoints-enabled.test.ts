import { ruleTester } from '../../testing/rule-tester.js';
import { debugEndpointsEnabled } from './debug-endpoints-enabled.js';

ruleTester(debugEndpointsEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/debug-endpoints-enabled',
  valid: [
    { name: 'vLLM without profiler or tokenizer info; MLServer debug false', file: 'pass-production.yaml' },
    { name: 'FastAPI docs on a vLLM published in the cluster only, behind a /v1-only route, or behind an authenticating Ingress', file: 'pass-docs-unreachable.yaml' },
  ],
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
    {
      name: 'FastAPI docs left on a vLLM that an Ingress publishes on every path (the API key does not cover /docs)',
      file: 'fail-fastapi-docs.yaml',
      errors: [{ line: 26, messageId: 'fastapiDocs', severity: 'low' }],
    },
  ],
});
