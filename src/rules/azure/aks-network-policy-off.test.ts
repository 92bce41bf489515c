import { ruleTester } from '../../testing/rule-tester.js';
import { aksNetworkPolicyOff } from './aks-network-policy-off.js';

ruleTester(aksNetworkPolicyOff, {
  fixtures: 'src/rules/azure/__fixtures__/aks-network-policy-off',
  valid: [{ name: 'calico, Cilium dataplane, decided by an unresolved variable', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'no network profile, Azure CNI without a policy engine, policy none',
      file: 'fail-clusters.tf',
      errors: [
        { line: 1, messageId: 'noProfile', severity: 'medium' },
        { line: 29, messageId: 'notSet', severity: 'medium' },
        { line: 49, messageId: 'none', severity: 'medium' },
      ],
    },
    {
      name: 'the repository ships NetworkPolicies that the cluster ignores: high',
      file: 'fail-with-policies',
      errors: [{ line: 14, file: 'aks.tf', messageId: 'notSet', severity: 'high' }],
    },
  ],
});
