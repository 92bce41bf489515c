import { ruleTester } from '../../testing/rule-tester.js';
import { irsaRoleTrustUnbound } from './irsa-role-trust-unbound.js';

ruleTester(irsaRoleTrustUnbound, {
  fixtures: 'src/rules/aws/__fixtures__/irsa-role-trust-unbound',
  valid: [
    {
      name: 'exact sub and aud (keys built from the provider url), StringLike without a wildcard, unknown provider or key, service and Pod Identity principals',
      file: 'pass-roles.tf',
    },
  ],
  invalid: [
    {
      name: 'no sub condition, a namespace-wide StringLike, a wildcard namespace without aud',
      file: 'fail-roles.tf',
      errors: [
        { line: 20, messageId: 'noSub' },
        { line: 46, messageId: 'wildcardSub' },
        { line: 60, messageId: 'noAud' },
        { line: 65, messageId: 'wildcardSub' },
      ],
    },
    { name: "the role of a model server's ServiceAccount, trusting every ServiceAccount", file: 'fail-model', errors: [{ file: 'main.tf', line: 9, messageId: 'noSub' }] },
  ],
});
