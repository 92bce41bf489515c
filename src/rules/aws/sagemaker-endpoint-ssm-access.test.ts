import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerEndpointSsmAccess } from './sagemaker-endpoint-ssm-access.js';

ruleTester(sagemakerEndpointSsmAccess, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-endpoint-ssm-access',
  valid: [{ name: 'default off, explicitly off, from an unresolved variable', file: 'pass-configs.tf' }],
  invalid: [
    {
      name: 'on for a production variant, on for a shadow variant through a variable default',
      file: 'fail-configs.tf',
      errors: [
        { line: 13, messageId: 'enabled' },
        { line: 19, messageId: 'enabled' },
      ],
    },
  ],
});
