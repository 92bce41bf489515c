import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { modelHubTokenInline } from '../k8s/model-hub-token-inline.js';
import { secretLiteralInEnv } from '../k8s/secret-literal-in-env.js';
import { inferenceApiKeyInline } from './inference-api-key-inline.js';

const FIXTURES = 'src/rules/ml/__fixtures__/inference-api-key-inline';

ruleTester(inferenceApiKeyInline, {
  fixtures: FIXTURES,
  valid: [{ name: 'Secret references, $(VAR) and $VAR arguments, a key on a container that is not a model server', file: 'pass-secret-refs.yaml' }],
  invalid: [
    {
      name: 'a literal --api-key argument, VLLM_API_KEY, a placeholder API_KEY and an inline HF_TOKEN',
      file: 'fail-literal-keys.yaml',
      errors: [
        { line: 19, messageId: 'literalArgument', severity: 'medium' },
        { line: 24, messageId: 'literalEnv', severity: 'medium' },
        { line: 29, messageId: 'placeholderKey', severity: 'medium' },
        { line: 31, messageId: 'literalEnv', severity: 'medium' },
      ],
    },
  ],
});

test('IG-ML-026 never quotes the key', () => {
  const path = `${FIXTURES}/fail-literal-keys.yaml`;
  for (const finding of findingsOf(inferenceApiKeyInline, new SourceFile(path, readFileSync(path, 'utf8')))) {
    assert.doesNotMatch(finding.message, /sk-prod|hf_kQz|your-api-key/);
  }
});

test('one finding per key: IG-ML-026 replaces IG-K8S-117, IG-K8S-013 replaces both on hub tokens', () => {
  assert.deepEqual(summarize(mostSpecificFindings([secretLiteralInEnv, inferenceApiKeyInline, modelHubTokenInline], `${FIXTURES}/fail-literal-keys.yaml`)), [
    'IG-K8S-013@31 critical [IG-K8S-117,IG-ML-026]',
    'IG-ML-026@19 medium',
    'IG-ML-026@24 critical [IG-K8S-117]',
    'IG-ML-026@29 high [IG-K8S-117]',
  ]);
});
