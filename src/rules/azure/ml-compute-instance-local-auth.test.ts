import { ruleTester } from '../../testing/rule-tester.js';
import { mlComputeInstanceLocalAuth } from './ml-compute-instance-local-auth.js';

ruleTester(mlComputeInstanceLocalAuth, {
  fixtures: 'src/rules/azure/__fixtures__/ml-compute-instance-local-auth',
  valid: [{ name: 'Entra ID only, decided by an unresolved variable, a compute cluster (its own rule)', file: 'pass-instances.tf' }],
  invalid: [
    {
      name: 'default local auth, true through a variable default',
      file: 'fail-instances.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 18, messageId: 'enabled' },
      ],
    },
  ],
});
