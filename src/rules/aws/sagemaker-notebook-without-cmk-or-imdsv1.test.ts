import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerNotebookWithoutCmkOrImdsv1 } from './sagemaker-notebook-without-cmk-or-imdsv1.js';

ruleTester(sagemakerNotebookWithoutCmkOrImdsv1, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-notebook-without-cmk-or-imdsv1',
  valid: [{ name: 'key and IMDSv2, both from unresolved variables', file: 'pass-notebooks.tf' }],
  invalid: [
    {
      name: 'no key and no IMDS block, IMDSv1 from a variable default',
      file: 'fail-notebooks.tf',
      errors: [
        { line: 6, messageId: 'imdsV1' },
        { line: 6, messageId: 'noKey' },
        { line: 18, messageId: 'imdsV1' },
      ],
    },
  ],
});
