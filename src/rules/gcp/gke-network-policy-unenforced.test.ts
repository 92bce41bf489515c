import { ruleTester } from '../../testing/rule-tester.js';
import { gkeNetworkPolicyUnenforced } from './gke-network-policy-unenforced.js';

ruleTester(gkeNetworkPolicyUnenforced, {
  fixtures: 'src/rules/gcp/__fixtures__/gke-network-policy-unenforced',
  valid: [{ name: 'Dataplane V2, Calico, Autopilot, decided by the caller', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'default datapath, policy off through a variable default, explicit Standard: medium without NetworkPolicies',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'notEnforced', severity: 'medium' },
        { line: 18, messageId: 'disabled', severity: 'medium' },
        { line: 22, messageId: 'notEnforced', severity: 'medium' },
        { line: 37, messageId: 'addonDisabled', severity: 'medium' },
      ],
    },
    {
      name: 'high when the scan ships NetworkPolicies',
      file: 'fail-with-policies',
      errors: [{ file: 'main.tf', line: 1, messageId: 'notEnforced', severity: 'high' }],
    },
  ],
});
