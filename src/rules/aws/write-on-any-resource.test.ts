import { ruleTester } from '../../testing/rule-tester.js';
import { writeOnAnyResource } from './write-on-any-resource.js';

ruleTester(writeOnAnyResource, {
  fixtures: 'src/rules/aws/__fixtures__/write-on-any-resource',
  valid: [{ name: 'read / list on *, scoped writes, unresolved resources, a condition, a Deny, an unattached document', file: 'pass-policies.tf' }],
  invalid: [
    {
      name: 'policy document data source, jsonencode through a variable default, heredoc inline_policy with NotResource',
      file: 'fail-policies.tf',
      errors: [
        { line: 8, messageId: 'write' },
        { line: 22, messageId: 'write' },
        { line: 31, messageId: 'notResource' },
      ],
    },
  ],
});
