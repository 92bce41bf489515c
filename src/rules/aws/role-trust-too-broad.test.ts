import { ruleTester } from '../../testing/rule-tester.js';
import { roleTrustTooBroad } from './role-trust-too-broad.js';

ruleTester(roleTrustTooBroad, {
  fixtures: 'src/rules/aws/__fixtures__/role-trust-too-broad',
  valid: [{ name: 'organisation condition, a condition from an unresolved variable, named principals and a Deny, GitHub trust pinned to a repository', file: 'pass-roles.tf' }],
  invalid: [
    {
      name: '{"AWS": "*"} with only a transport condition, "*" from a policy document, GitHub Actions without sub',
      file: 'fail-roles.tf',
      errors: [
        { line: 8, messageId: 'anyPrincipal' },
        { line: 19, messageId: 'anyPrincipal' },
        { line: 40, messageId: 'githubNoSub' },
      ],
    },
  ],
});
