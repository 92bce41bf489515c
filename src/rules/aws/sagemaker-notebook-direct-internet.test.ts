import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerNotebookDirectInternet } from './sagemaker-notebook-direct-internet.js';

ruleTester(sagemakerNotebookDirectInternet, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-notebook-direct-internet',
  valid: [{ name: 'disabled in a private subnet, decided by an unresolved variable', file: 'pass-notebooks.tf' }],
  invalid: [
    {
      name: 'default, explicit, from a variable default',
      file: 'fail-notebooks.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 16, messageId: 'enabled' },
        { line: 23, messageId: 'enabled' },
      ],
    },
  ],
});
