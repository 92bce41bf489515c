import { ruleTester } from '../../testing/rule-tester.js';
import { gkeWorkloadIdentityOff } from './gke-workload-identity-off.js';

ruleTester(gkeWorkloadIdentityOff, {
  fixtures: 'src/rules/gcp/__fixtures__/gke-workload-identity-off',
  valid: [{ name: 'workload pool set, Autopilot, decided by the caller', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'no block, a dynamic block the variable default leaves out',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 12, messageId: 'notSet' },
      ],
    },
  ],
});
