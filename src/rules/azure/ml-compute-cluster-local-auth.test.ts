import { ruleTester } from '../../testing/rule-tester.js';
import { mlComputeClusterLocalAuth } from './ml-compute-cluster-local-auth.js';

ruleTester(mlComputeClusterLocalAuth, {
  fixtures: 'src/rules/azure/__fixtures__/ml-compute-cluster-local-auth',
  valid: [{ name: 'Entra ID only, decided by an unresolved variable', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'default local auth, true through a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 25, messageId: 'enabled' },
      ],
    },
  ],
});
