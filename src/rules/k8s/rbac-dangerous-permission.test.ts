import { ruleTester } from '../../testing/rule-tester.js';
import { rbacDangerousPermission } from './rbac-dangerous-permission.js';

ruleTester(rbacDangerousPermission, {
  fixtures: 'src/rules/k8s/__fixtures__/rbac-dangerous-permission',
  valid: [
    { name: 'named Secrets, wildcards (IG-K8S-121), scoped bind, read-only pods and webhooks, wrong groups', file: 'pass-scoped.yaml' },
    { name: 'ClusterRoles granted per namespace: aggregated into a namespaced user role, or bound only by RoleBindings', file: 'pass-namespace-granted.yaml' },
    {
      name: 'impersonating only a resource that is not an identity is not reported',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n  - {apiGroups: [""], resources: [configmaps], verbs: [impersonate]}\n',
    },
  ],
  invalid: [
    {
      name: 'every cluster-takeover permission in one ClusterRole, each at the item that grants it',
      file: 'fail-clusterrole.yaml',
      errors: [
        { line: 8, messageId: 'secretsRead' },
        { line: 13, messageId: 'podExec' },
        { line: 14, messageId: 'podAttach' },
        { line: 16, messageId: 'podCreate' },
        { line: 21, messageId: 'bind' },
        { line: 22, messageId: 'escalate' },
        { line: 25, messageId: 'impersonate' },
        { line: 27, messageId: 'nodesProxy' },
        { line: 31, messageId: 'webhookWrite' },
      ],
    },
    {
      name: 'a namespaced Role: exec and pod creation (a wildcard group still names pods); Secrets and nodes/proxy are not',
      file: 'fail-role.yaml',
      errors: [
        { line: 12, messageId: 'podExec' },
        { line: 16, messageId: 'podCreate' },
      ],
    },
    {
      name: 'aggregated into a ClusterRole that a ClusterRoleBinding grants: cluster-wide despite an aggregate-to label',
      file: 'fail-aggregated.yaml',
      errors: [
        { line: 22, messageId: 'podCreate' },
        { line: 21, messageId: 'secretsRead' },
      ],
    },
    {
      name: 'bind with a wildcard resource still names the bind verb',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n  - apiGroups: [rbac.authorization.k8s.io]\n    resources: ["*"]\n    verbs: [bind]\n',
      errors: [{ line: 7, messageId: 'bind' }],
    },
  ],
});
