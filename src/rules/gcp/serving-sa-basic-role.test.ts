import { ruleTester } from '../../testing/rule-tester.js';
import { servingSaBasicRole } from './serving-sa-basic-role.js';

ruleTester(servingSaBasicRole, {
  fixtures: 'src/rules/gcp/__fixtures__/serving-sa-basic-role',
  valid: [{ name: 'narrow roles for the serving account, Editor for a batch account, members from the caller', file: 'pass-narrow' }],
  invalid: [
    {
      name: 'Editor through a Workload Identity grant to the InferenceService KSA, Storage Admin through a KSA annotation',
      file: 'fail-serving-identities',
      errors: [
        { file: 'main.tf', line: 13, messageId: 'broadRole' },
        { file: 'main.tf', line: 26, messageId: 'broadRole' },
      ],
    },
  ],
});
