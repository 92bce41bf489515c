import { ruleTester } from '../../testing/rule-tester.js';
import { odhModelRouteWithoutAuth } from './odh-model-route-without-auth.js';

ruleTester(odhModelRouteWithoutAuth, {
  fixtures: 'src/rules/ml/__fixtures__/odh-model-route-without-auth',
  valid: [{ name: 'an exposed route with enable-auth "True" (case-insensitive), a cluster-local model', file: 'pass-auth-or-not-exposed.yaml' }],
  invalid: [
    {
      name: 'exposed without the annotation (at the label), exposed with enable-auth "false" (at the annotation)',
      file: 'fail-exposed-routes.yaml',
      errors: [
        { line: 9, messageId: 'authMissing', severity: 'high' },
        { line: 29, messageId: 'authDisabled', severity: 'high' },
      ],
    },
  ],
});
