import { ruleTester } from '../../testing/rule-tester.js';
import { aksLocalAccounts } from './aks-local-accounts.js';

ruleTester(aksLocalAccounts, {
  fixtures: 'src/rules/azure/__fixtures__/aks-local-accounts',
  valid: [{ name: 'local accounts disabled with Entra RBAC, decided by an unresolved variable', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'default local accounts, false through a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 26, messageId: 'enabled' },
      ],
    },
  ],
});
