import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { defineRule } from '../define-rule.js';
import { RULES } from '../index.js';
import { modelHubTokenInline } from './model-hub-token-inline.js';
import { secretLiteralInEnv } from './secret-literal-in-env.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-hub-token-inline';

ruleTester(modelHubTokenInline, {
  fixtures: FIXTURES,
  valid: [{ name: 'Secret references, token paths, $(VAR) expansion, empty values, other keys', file: 'pass-secret-refs.yaml' }],
  invalid: [
    {
      name: 'NIM with an inline NGC key and a placeholder OpenAI key; a ConfigMap with a Hub token',
      file: 'fail-nim-and-tgi.yaml',
      errors: [
        { line: 27, messageId: 'literalToken', severity: 'high' },
        { line: 29, messageId: 'placeholderToken', severity: 'medium' },
        { line: 41, messageId: 'configMapToken', severity: 'high' },
      ],
    },
  ],
});

test('IG-K8S-013 never quotes the token', () => {
  const path = `${FIXTURES}/fail-nim-and-tgi.yaml`;
  for (const finding of findingsOf(modelHubTokenInline, new SourceFile(path, readFileSync(path, 'utf8')))) {
    assert.doesNotMatch(finding.message, /nvapi-|hf_aB3/);
  }
});

// Stands in for IG-ML-026 (inference API key in plain text), which also flags `NGC_API_KEY` / `HF_TOKEN`.
const inferenceApiKey = defineRule({
  meta: { ...secretLiteralInEnv.meta, id: 'IG-ML-026', name: 'inference-api-key-inline', supersedes: ['IG-K8S-117'] },
  create(context) {
    return {
      container(container) {
        for (const item of container.node.get('env').items()) {
          if (['NGC_API_KEY', 'HF_TOKEN', 'VLLM_API_KEY'].includes(item.get('name').str() ?? '') && item.get('value').isWritten()) context.report({ messageId: 'literalSecret', data: { env: '', container: '' }, at: item.get('value'), severity: 'medium' });
        }
      },
    };
  },
});

test('one finding per token: IG-K8S-013 replaces IG-K8S-117 and IG-ML-026 on the same value', () => {
  assert.deepEqual(summarize(mostSpecificFindings([secretLiteralInEnv, inferenceApiKey, modelHubTokenInline], `${FIXTURES}/fail-nim-and-tgi.yaml`)), [
    'IG-K8S-013@27 critical [IG-K8S-117,IG-ML-026]',
    'IG-K8S-013@29 high [IG-K8S-117]',
    'IG-K8S-013@41 high',
  ]);
  // Inference API keys stay with IG-ML-026 (which replaces IG-K8S-117 there).
  assert.deepEqual(summarize(mostSpecificFindings([secretLiteralInEnv, inferenceApiKey, modelHubTokenInline], `${FIXTURES}/pass-secret-refs.yaml`)), ['IG-ML-026@30 critical [IG-K8S-117]']);
});

test('supersedes relations between registered rules have no cycle', () => {
  const edges = new Map(RULES.map((rule) => [rule.meta.id, rule.meta.supersedes ?? []]));
  const visit = (id: string, path: readonly string[]): void => {
    assert.ok(!path.includes(id), `supersedes cycle: ${[...path, id].join(' -> ')}`);
    for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
  };
  for (const id of edges.keys()) visit(id, []);
});
