import { ruleTester } from '../../testing/rule-tester.js';
import { passroleUnrestricted } from './passrole-unrestricted.js';

ruleTester(passroleUnrestricted, {
  fixtures: 'src/rules/aws/__fixtures__/passrole-unrestricted',
  valid: [{ name: 'iam:PassedToService condition, one role, an unresolved role, a Deny, other iam actions, a bucket policy', file: 'pass-policies.tf' }],
  invalid: [
    {
      name: 'with sagemaker:Create* (jsonencode), every role of an account through a variable default (policy document), heredoc user policy',
      file: 'fail-policies.tf',
      errors: [
        { line: 12, messageId: 'escalation', severity: 'critical' },
        { line: 19, messageId: 'anyRole' },
        { line: 31, messageId: 'anyRole' },
      ],
    },
    {
      name: 'escalation through another policy of the holder (a role: inline create + attached PassRole); a Deny of the holder cancels it (a user through aws_iam_policy_attachment)',
      file: 'fail-holders.tf',
      errors: [
        { line: 14, messageId: 'escalationHolder', severity: 'critical' },
        { line: 39, messageId: 'anyRole', severity: 'high' },
      ],
    },
  ],
});
