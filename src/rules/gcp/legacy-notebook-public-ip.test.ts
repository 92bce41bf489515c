import { ruleTester } from '../../testing/rule-tester.js';
import { legacyNotebookPublicIp } from './legacy-notebook-public-ip.js';

ruleTester(legacyNotebookPublicIp, {
  fixtures: 'src/rules/gcp/__fixtures__/legacy-notebook-public-ip',
  valid: [{ name: 'no public IP, decided by the caller, a Workbench instance', file: 'pass-notebooks.tf' }],
  invalid: [
    {
      name: 'default public IP, public through a local',
      file: 'fail-notebooks.tf',
      errors: [
        { line: 5, messageId: 'notSet' },
        { line: 19, messageId: 'disabled' },
      ],
    },
  ],
});
