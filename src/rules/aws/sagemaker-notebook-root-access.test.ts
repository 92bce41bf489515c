import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerNotebookRootAccess } from './sagemaker-notebook-root-access.js';

ruleTester(sagemakerNotebookRootAccess, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-notebook-root-access',
  valid: [{ name: 'disabled, decided by an unresolved variable', file: 'pass-notebooks.tf' }],
  invalid: [
    {
      name: 'default, from a local',
      file: 'fail-notebooks.tf',
      errors: [
        { line: 5, messageId: 'notSet' },
        { line: 15, messageId: 'enabled' },
      ],
    },
  ],
});
