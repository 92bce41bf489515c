import { ruleTester } from '../../testing/rule-tester.js';
import { mlComputeInstancePublicIp } from './ml-compute-instance-public-ip.js';

ruleTester(mlComputeInstancePublicIp, {
  fixtures: 'src/rules/azure/__fixtures__/ml-compute-instance-public-ip',
  valid: [{ name: 'no public IP with a subnet, decided by an unresolved variable', file: 'pass-instances.tf' }],
  invalid: [
    {
      name: 'default public IP, explicit true, true through a variable default',
      file: 'fail-instances.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 16, messageId: 'enabled' },
        { line: 24, messageId: 'enabled' },
      ],
    },
  ],
});
