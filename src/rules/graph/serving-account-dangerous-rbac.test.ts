import { ruleTester } from '../../testing/rule-tester.js';
import { servingAccountDangerousRbac } from './serving-account-dangerous-rbac.js';

ruleTester(servingAccountDangerousRbac, {
  fixtures: 'src/rules/graph/__fixtures__/serving-account-dangerous-rbac',
  valid: [{ name: 'read-only roles for the model account; cluster-admin for an operator and for an account of another namespace', file: 'pass-bindings.yaml' }],
  invalid: [
    {
      name: 'built-in edit in the namespace, a ClusterRole reading every Secret cluster-wide, cluster-admin for a Ray head, pods/exec granted by a RoleBinding of another namespace',
      file: 'fail-bindings.yaml',
      errors: [
        { line: 19, messageId: 'dangerous', severity: 'high' },
        { line: 35, messageId: 'dangerous', severity: 'high' },
        { line: 57, messageId: 'dangerous', severity: 'critical' },
        { line: 71, messageId: 'dangerous', severity: 'high' },
      ],
    },
  ],
});
