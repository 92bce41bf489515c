import { ruleTester } from '../../testing/rule-tester.js';
import { servingRoleWildcardAction } from './serving-role-wildcard-action.js';

ruleTester(servingRoleWildcardAction, {
  fixtures: 'src/rules/aws/__fixtures__/serving-role-wildcard-action',
  valid: [{ name: 'a role no model runs as, listed actions, a partial pattern, a condition, a Deny, an unresolved variable', file: 'pass-roles.tf' }],
  invalid: [
    {
      name: 'NotAction inline_policy, jsonencode through a variable default, heredoc customer policy attached, policy document through managed_policy_arns',
      file: 'fail-forms.tf',
      errors: [
        { line: 12, messageId: 'notAction' },
        { line: 25, messageId: 'wildcard' },
        { line: 37, messageId: 'wildcard' },
        { line: 52, messageId: 'wildcard' },
      ],
    },
    { name: 'role passed to a local module, action from tfvars', file: 'fail-module', errors: [{ file: 'main.tf', line: 8, messageId: 'wildcard' }] },
  ],
});
