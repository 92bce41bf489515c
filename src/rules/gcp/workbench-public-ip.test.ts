import { ruleTester } from '../../testing/rule-tester.js';
import { workbenchPublicIp } from './workbench-public-ip.js';

ruleTester(workbenchPublicIp, {
  fixtures: 'src/rules/gcp/__fixtures__/workbench-public-ip',
  valid: [{ name: 'public IP disabled, decided by the caller', file: 'pass-instances.tf' }],
  invalid: [
    {
      name: 'no gce_setup, not set, false through a variable default',
      file: 'fail-instances.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 14, messageId: 'notSet' },
        { line: 28, messageId: 'disabled' },
      ],
    },
  ],
});
