import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerModelPackageGroupPublic } from './sagemaker-model-package-group-public.js';

ruleTester(sagemakerModelPackageGroupPublic, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-model-package-group-public',
  valid: [{ name: 'a named account, everyone within the organisation, an unresolved policy, a Deny that may take the grant back', file: 'pass-policies.tf' }],
  invalid: [
    {
      name: 'policy document data source with only a transport condition, jsonencode with AWS ["*"], heredoc with Principal "*"',
      file: 'fail-policies.tf',
      errors: [
        // The data source's `principals` block; JSON strings point at the attribute holding them.
        { line: 8, messageId: 'publicPrincipal' },
        { line: 38, messageId: 'publicPrincipal' },
        { line: 48, messageId: 'publicPrincipal' },
      ],
    },
  ],
});
