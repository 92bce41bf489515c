import { ruleTester } from '../../testing/rule-tester.js';
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
