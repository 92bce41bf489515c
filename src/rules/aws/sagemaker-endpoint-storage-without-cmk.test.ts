import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerEndpointStorageWithoutCmk } from './sagemaker-endpoint-storage-without-cmk.js';

ruleTester(sagemakerEndpointStorageWithoutCmk, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-endpoint-storage-without-cmk',
  valid: [{ name: 'a key, a key from an unresolved variable, local NVMe instance types, unresolved and serverless instance types', file: 'pass-configs.tf' }],
  invalid: [
    {
      name: 'no key, a key variable defaulting to null with a shadow variant',
      file: 'fail-configs.tf',
      errors: [
        { line: 6, messageId: 'noKey' },
        { line: 18, messageId: 'noKey' },
      ],
    },
  ],
});
