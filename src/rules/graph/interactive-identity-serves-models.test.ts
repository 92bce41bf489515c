import { ruleTester } from '../../testing/rule-tester.js';
import { interactiveIdentityServesModels } from './interactive-identity-serves-models.js';

ruleTester(interactiveIdentityServesModels, {
  fixtures: 'src/rules/graph/__fixtures__/interactive-identity-serves-models',
  valid: [{ name: 'separate research and serving roles; a notebook role unknown until apply', file: 'pass-separate' }],
  invalid: [
    {
      name: "a notebook and a Studio domain (by ARN) share the SageMaker model's role; a Workbench instance runs as a model server's Workload Identity account",
      file: 'fail-shared',
      errors: [
        { file: 'main.tf', line: 8, messageId: 'shared' },
        { file: 'main.tf', line: 18, messageId: 'shared' },
        { file: 'main.tf', line: 37, messageId: 'shared' },
      ],
    },
  ],
});
