import { ruleTester } from '../../testing/rule-tester.js';
import { servingIdentityOwner } from './serving-identity-owner.js';

ruleTester(servingIdentityOwner, {
  fixtures: 'src/rules/azure/__fixtures__/serving-identity-owner',
  valid: [
    {
      name: 'data-plane role, Contributor on one account, role or scope from unresolved variables, identities that serve no model (deployer, CI federation)',
      file: 'pass-assignments.tf',
    },
    { name: 'AKS workload identity of a ServiceAccount only a backup CronJob runs as', file: 'pass-workload-identity' },
  ],
  invalid: [
    {
      name: 'workspace identity Contributor on the subscription, endpoint UAMI Owner (variable default) on its resource group, AKS workload identity UAA by role id on a literal resource group',
      file: 'fail-assignments.tf',
      errors: [
        { line: 28, messageId: 'broadRole' },
        { line: 55, messageId: 'broadRole' },
        { line: 77, messageId: 'broadRole' },
      ],
    },
    {
      name: 'AKS workload identity: the model ServiceAccount names the identity (client-id annotation), a federated credential for a model ServiceAccount',
      file: 'fail-workload-identity',
      errors: [
        { file: 'main.tf', line: 15, messageId: 'broadRole' },
        { file: 'main.tf', line: 71, messageId: 'broadRole' },
      ],
    },
  ],
});
