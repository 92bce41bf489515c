import { ruleTester } from '../../testing/rule-tester.js';
import { mlWorkspaceWithoutCmk } from './ml-workspace-without-cmk.js';

ruleTester(mlWorkspaceWithoutCmk, {
  fixtures: 'src/rules/azure/__fixtures__/ml-workspace-without-cmk',
  valid: [{ name: 'encryption block, dynamic encryption over an unresolved variable', file: 'pass-workspaces.tf' }],
  invalid: [
    {
      name: 'no encryption block (HBI alone is not a key), dynamic block over an empty list',
      file: 'fail-workspaces.tf',
      errors: [
        { line: 7, messageId: 'noEncryption' },
        { line: 21, messageId: 'noEncryption' },
      ],
    },
  ],
});
