import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerImageNotPinned } from './sagemaker-image-not-pinned.js';

ruleTester(sagemakerImageNotPinned, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-image-not-pinned',
  valid: [{ name: 'digest, unresolved variable, prebuilt image data source, model package', file: 'pass-models.tf' }],
  invalid: [
    {
      name: 'tag from a variable default, AWS DLC tag in a pipeline container, private registry without tag',
      file: 'fail-models.tf',
      errors: [
        { line: 10, messageId: 'notPinned' },
        { line: 22, messageId: 'notPinned' },
        { line: 30, messageId: 'notPinned' },
      ],
    },
  ],
});
