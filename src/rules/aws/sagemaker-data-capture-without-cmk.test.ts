import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerDataCaptureWithoutCmk } from './sagemaker-data-capture-without-cmk.js';

ruleTester(sagemakerDataCaptureWithoutCmk, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-data-capture-without-cmk',
  valid: [{ name: 'a key, a key from an unresolved variable, capture off by default, capture from an unresolved variable', file: 'pass-configs.tf' }],
  invalid: [
    {
      name: 'capture on without a key, capture on through a variable default with a null key',
      file: 'fail-configs.tf',
      errors: [
        { line: 13, messageId: 'noKey' },
        { line: 37, messageId: 'noKey' },
      ],
    },
  ],
});
