import { ruleTester } from '../../testing/rule-tester.js';
import { servingRoleBroadManagedPolicy } from './serving-role-broad-managed-policy.js';

ruleTester(servingRoleBroadManagedPolicy, {
  fixtures: 'src/rules/aws/__fixtures__/serving-role-broad-managed-policy',
  valid: [{ name: 'admin policy on a role no model runs as, narrow and customer policies, an unresolved ARN', file: 'pass-attachments.tf' }],
  invalid: [
    {
      name: 'managed_policy_arns, role and policy attachments, another partition, a variable default, a data source, a model naming its role by ARN',
      file: 'fail-attachments.tf',
      errors: [
        { line: 9, messageId: 'attached' },
        { line: 14, messageId: 'attached' },
        { line: 20, messageId: 'attached' },
        { line: 25, messageId: 'attached' },
        { line: 34, messageId: 'attached' },
      ],
    },
    { name: 'role passed to a local module, policy name from tfvars', file: 'fail-module', errors: [{ file: 'main.tf', line: 8, messageId: 'attached' }] },
    { name: 'IRSA in Terraform: the model ServiceAccount refers to its role (and a non-model ServiceAccount\'s role is not reported)', file: 'fail-eks-terraform', errors: [{ file: 'main.tf', line: 9, messageId: 'attached' }] },
  ],
});
