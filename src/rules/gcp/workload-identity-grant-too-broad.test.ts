import { ruleTester } from '../../testing/rule-tester.js';
import { workloadIdentityGrantTooBroad } from './workload-identity-grant-too-broad.js';

ruleTester(workloadIdentityGrantTooBroad, {
  fixtures: 'src/rules/gcp/__fixtures__/workload-identity-grant-too-broad',
  valid: [{ name: 'one KSA, KSAs of one namespace, a member from the caller, a non-GKE pool', file: 'pass-grants.tf' }],
  invalid: [
    {
      name: 'a namespace principalSet as WI user and as a direct grant, one account bound in two namespaces',
      file: 'fail-grants.tf',
      errors: [
        { line: 14, messageId: 'principalSet' },
        { line: 20, messageId: 'principalSet' },
        { line: 33, messageId: 'manyNamespaces' },
      ],
    },
  ],
});
