import { ruleTester } from '../../testing/rule-tester.js';
import { mlWorkspaceInternetEgress } from './ml-workspace-internet-egress.js';

ruleTester(mlWorkspaceInternetEgress, {
  fixtures: 'src/rules/azure/__fixtures__/ml-workspace-internet-egress',
  valid: [{ name: 'approved outbound only, decided by an unresolved variable, azapi hub approved-only, azapi project (network of its hub), azapi mode from a variable', file: 'pass-workspaces.tf' }],
  invalid: [
    {
      name: 'no managed network, internet outbound through a variable default, Disabled, empty block; azapi hub Disabled, azapi jsonencode body without managedNetwork',
      file: 'fail-workspaces.tf',
      errors: [
        { line: 12, messageId: 'notManaged' },
        { line: 35, messageId: 'internetOutbound' },
        { line: 50, messageId: 'disabled' },
        { line: 64, messageId: 'notManaged' },
        { line: 78, messageId: 'disabled' },
        { line: 91, messageId: 'notManaged' },
      ],
    },
  ],
});
