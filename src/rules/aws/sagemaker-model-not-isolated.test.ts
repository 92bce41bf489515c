import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerModelNotIsolated } from './sagemaker-model-not-isolated.js';

ruleTester(sagemakerModelNotIsolated, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-model-not-isolated',
  valid: [{ name: 'isolated, decided by an unresolved variable, another resource type', file: 'pass-models.tf' }],
  invalid: [
    {
      name: 'default off, explicitly off, off through a variable default',
      file: 'fail-models.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 18, messageId: 'disabled' },
        { line: 27, messageId: 'disabled' },
      ],
    },
  ],
});
