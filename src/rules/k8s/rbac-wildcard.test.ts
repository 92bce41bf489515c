import { ruleTester } from '../../testing/rule-tester.js';
import { rbacWildcard } from './rbac-wildcard.js';

ruleTester(rbacWildcard, {
  fixtures: 'src/rules/k8s/__fixtures__/rbac-wildcard',
  valid: [
    { name: 'explicit lists, subresource patterns, nonResourceURLs, aggregated roles, malformed and foreign kinds', file: 'pass-explicit.yaml' },
  ],
  invalid: [
    {
      name: 'one finding per rule entry, at the first wildcard (verbs, then resources, then apiGroups)',
      file: 'fail-roles.yaml',
      errors: [
        { line: 9, messageId: 'wildcard' },
        { line: 14, messageId: 'wildcard' },
        { line: 27, messageId: 'wildcard' },
        { line: 41, messageId: 'allWildcard' },
      ],
    },
    {
      name: 'two rule entries with wildcards give two findings',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: ns}\nrules:\n  - {apiGroups: [""], resources: [pods], verbs: ["*"]}\n  - {apiGroups: [""], resources: ["*"], verbs: [get]}\n',
      errors: [
        { line: 5, messageId: 'wildcard' },
        { line: 6, messageId: 'wildcard' },
      ],
    },
  ],
});
