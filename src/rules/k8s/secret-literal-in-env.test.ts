import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { isPlaceholder, secretLikeName, secretLiteralInEnv } from './secret-literal-in-env.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/secret-literal-in-env';

ruleTester(secretLiteralInEnv, {
  fixtures: FIXTURES,
  valid: [{ name: 'secret refs, descriptive names, flags, counts, tokenizer tokens, $(VAR), empty and non-string values', file: 'pass-references.yaml' }],
  invalid: [
    {
      name: 'cloud key in an init container, hub token and a placeholder on a model server',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 20, messageId: 'literalSecret', severity: 'high' },
        { line: 27, messageId: 'literalSecret', severity: 'critical' },
        { line: 29, messageId: 'placeholderSecret', severity: 'high' },
      ],
    },
    {
      name: 'a numeric token that is not a count',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      env:\n        - name: SECURITY_TOKEN\n          value: "12345"\n',
      errors: [{ line: 10, messageId: 'literalSecret' }],
    },
    {
      name: 'MLflow password, envsubst placeholder, database sidecar; credential path and $(VAR) skipped',
      file: 'fail-statefulset.yaml',
      errors: [
        { line: 20, messageId: 'literalSecret', severity: 'critical' },
        { line: 24, messageId: 'placeholderSecret', severity: 'high' },
        { line: 33, messageId: 'literalSecret', severity: 'high' },
      ],
    },
  ],
});

test('secret-like env names', () => {
  for (const name of ['DB_PASSWORD', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'WANDB_API_KEY', 'OPENAI_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'GCP_CREDENTIALS', 'client-secret', 'apiKey', 'HFTOKEN']) {
    assert.ok(secretLikeName(name), name);
  }
  for (const name of ['TOKENIZERS_PARALLELISM', 'MAX_TOKENS', 'PASSWORD_FILE', 'HF_TOKEN_PATH', 'SECRET_NAME', 'TOKEN_URL', 'EOS_TOKEN', 'AWS_ACCESS_KEY_ID', 'PWD']) {
    assert.equal(secretLikeName(name), undefined, name);
  }
  assert.ok(isPlaceholder('<hf-token>') && isPlaceholder('${TOKEN}') && isPlaceholder('your-token-here') && isPlaceholder('hf_xxxxxxxx'));
  assert.ok(!isPlaceholder('hf_qWfTyUiOpAsDfGhJkLzXcVbNm1234567'));
});

test('messages never quote the secret value', () => {
  const path = `${FIXTURES}/fail-deployment.yaml`;
  const findings = findingsOf(secretLiteralInEnv, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.ok(findings.length > 0);
  for (const finding of findings) assert.ok(!/hf_qWf|wJalr/.test(finding.message), finding.message);
});
