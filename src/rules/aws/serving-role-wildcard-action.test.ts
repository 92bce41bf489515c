import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester, terraformFindingsOf } from '../../testing/rule-tester.js';
import { servingRoleWildcardAction } from './serving-role-wildcard-action.js';

ruleTester(servingRoleWildcardAction, {
  fixtures: 'src/rules/aws/__fixtures__/serving-role-wildcard-action',
  valid: [
    { name: 'a role no model runs as, listed actions, a partial pattern, a condition, a Deny, an unresolved variable', file: 'pass-roles.tf' },
    { name: 'EKS: a role of a non-model ServiceAccount, an association for another namespace, a trust for another ServiceAccount, a scoped model role', file: 'pass-eks' },
  ],
  invalid: [
    {
      name: 'NotAction inline_policy, jsonencode through a variable default, heredoc customer policy attached, policy document through managed_policy_arns',
      file: 'fail-forms.tf',
      errors: [
        { line: 16, messageId: 'notAction' },
        { line: 29, messageId: 'wildcard' },
        { line: 37, messageId: 'wildcard' },
        { line: 52, messageId: 'wildcard' },
      ],
    },
    { name: 'role passed to a local module, action from tfvars', file: 'fail-module', errors: [{ file: 'main.tf', line: 10, messageId: 'wildcard' }] },
    { name: 'two roots with the same addresses: each role policy is read from its own root', file: 'fail-two-roots', errors: [{ file: 'prod/main.tf', line: 8, messageId: 'wildcard' }] },
    {
      name: 'EKS: an IRSA annotation naming the role by ARN, a Pod Identity association, a trust policy whose wildcard subject matches a model ServiceAccount',
      file: 'fail-eks',
      errors: [
        { file: 'main.tf', line: 13, messageId: 'wildcard' },
        { file: 'main.tf', line: 27, messageId: 'wildcard' },
        { file: 'main.tf', line: 60, messageId: 'wildcard' },
      ],
    },
  ],
});

test('the finding says which model artifacts the statement reaches: the model the role serves, and other models', async () => {
  const findings = await terraformFindingsOf(servingRoleWildcardAction, 'src/rules/aws/__fixtures__/serving-role-wildcard-action/fail-eks');
  const messages = findings.map((finding) => finding.message);
  assert.ok(
    messages.some((message) => message.includes("`s3:*`") && message.endsWith("with its resources, that includes overwriting the model it serves (s3://models/llm) and reading and replacing the artifacts of another model (Deployment 'ranker').")),
    messages.join('\n'),
  );
  // `*` on `*`: not its own model (the embedder loads from a local path), but both others.
  assert.ok(messages.some((message) => message.endsWith("that includes reading and replacing the artifacts of 2 other models (Deployment 'llm', Deployment 'ranker').")), messages.join('\n'));
  // sagemaker:* grants no S3 write: nothing is said about artifacts.
  assert.ok(messages.some((message) => message.includes('`sagemaker:*`') && !message.includes('artifacts')), messages.join('\n'));
});
