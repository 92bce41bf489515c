import { ruleTester } from '../../testing/rule-tester.js';
import { mlComputeClusterPublicAccess } from './ml-compute-cluster-public-access.js';

ruleTester(mlComputeClusterPublicAccess, {
  fixtures: 'src/rules/azure/__fixtures__/ml-compute-cluster-public-access',
  valid: [{ name: 'no public IP and no public SSH, decided by an unresolved variable with SSH omitted', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'default public IPs, explicit public IPs with public SSH from a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'publicIpNotSet' },
        { line: 25, messageId: 'publicIp' },
        { line: 26, messageId: 'publicSsh' },
      ],
    },
  ],
});
