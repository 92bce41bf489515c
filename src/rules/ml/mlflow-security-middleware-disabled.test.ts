import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { mlflowSecurityMiddlewareDisabled } from './mlflow-security-middleware-disabled.js';
import { modelServerCorsAnyOrigin } from './model-server-cors-any-origin.js';

const FIXTURES = 'src/rules/ml/__fixtures__/mlflow-security-middleware-disabled';

ruleTester(mlflowSecurityMiddlewareDisabled, {
  fixtures: FIXTURES,
  valid: [{ name: 'explicit hosts and origins (subdomain patterns are not "*"), the middleware explicitly on, a Secret-held value, another server', file: 'pass-explicit.yaml' }],
  invalid: [
    {
      name: 'wildcard hosts and origins by flag, env and ConfigMap; the middleware disabled by flag and by env',
      file: 'fail-wildcards.yaml',
      errors: [
        { line: 7, messageId: 'anyHost' },
        { line: 24, messageId: 'anyHost', severity: 'high' },
        { line: 24, messageId: 'anyOrigin', severity: 'high' },
        { line: 27, messageId: 'middlewareDisabled', severity: 'high' },
        { line: 33, messageId: 'middlewareDisabled', severity: 'high' },
        { line: 42, messageId: 'anyOrigin', severity: 'high' },
      ],
    },
  ],
});

test('IG-ML-047 takes over IG-ML-007 on the same MLflow CORS value', () => {
  assert.deepEqual(summarize(mostSpecificFindings([modelServerCorsAnyOrigin, mlflowSecurityMiddlewareDisabled], `${FIXTURES}/fail-wildcards.yaml`)), [
    'IG-ML-047@24 high',
    'IG-ML-047@24 high [IG-ML-007]',
    'IG-ML-047@27 high',
    'IG-ML-047@33 high',
    'IG-ML-047@42 high [IG-ML-007]',
    'IG-ML-047@7 high',
  ]);
});
