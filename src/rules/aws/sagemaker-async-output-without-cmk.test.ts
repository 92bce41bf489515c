import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerAsyncOutputWithoutCmk } from './sagemaker-async-output-without-cmk.js';

ruleTester(sagemakerAsyncOutputWithoutCmk, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-async-output-without-cmk',
  valid: [{ name: 'a key, a key from an unresolved variable, a real-time endpoint', file: 'pass-configs.tf' }],
  invalid: [
    {
      name: 'no key, a null key from a local',
      file: 'fail-configs.tf',
      errors: [
        { line: 19, messageId: 'noKey' },
        { line: 36, messageId: 'noKey' },
      ],
    },
  ],
});
