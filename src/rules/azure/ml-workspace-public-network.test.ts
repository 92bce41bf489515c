import { ruleTester } from '../../testing/rule-tester.js';
import { mlWorkspacePublicNetwork } from './ml-workspace-public-network.js';

ruleTester(mlWorkspacePublicNetwork, {
  fixtures: 'src/rules/azure/__fixtures__/ml-workspace-public-network',
  valid: [{ name: 'disabled, decided by an unresolved variable (also in an azapi body), omitted (provider-version dependent), another resource type', file: 'pass-workspaces.tf' }],
  invalid: [
    {
      name: 'explicitly public, public through a variable default, an azapi workspace public through a conditional',
      file: 'fail-workspaces.tf',
      errors: [
        { line: 21, messageId: 'publicAccess' },
        { line: 34, messageId: 'publicAccess' },
        { line: 48, messageId: 'azapiPublicAccess' },
      ],
    },
    {
      name: 'public through a local module input set in terraform.tfvars',
      file: 'fail-module',
      errors: [{ line: 17, file: 'modules/workspace/main.tf', messageId: 'publicAccess' }],
    },
  ],
});
