import { ruleTester } from '../../testing/rule-tester.js';
import { clusterAdminBound } from './cluster-admin-bound.js';

ruleTester(clusterAdminBound, {
  fixtures: 'src/rules/k8s/__fixtures__/cluster-admin-bound',
  valid: [{ name: 'system: subjects, other roles, a Role named cluster-admin, a binding without subjects', file: 'pass-bindings.yaml' }],
  invalid: [
    {
      name: 'a ServiceAccount, a group beside system:masters, and a namespaced binding in a List',
      file: 'fail-bindings.yaml',
      errors: [
        { line: 8, messageId: 'serviceAccount', severity: 'critical' },
        { line: 18, messageId: 'userOrGroup', severity: 'critical' },
        { line: 34, messageId: 'serviceAccount', severity: 'critical' },
      ],
    },
  ],
});
