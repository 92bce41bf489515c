import { isRbacBinding } from '../../model/rbac.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

export const clusterAdminBound = defineRule({
  meta: {
    id: 'IG-K8S-123',
    name: 'cluster-admin-bound',
    title: 'cluster-admin bound to a workload identity',
    severity: 'critical',
    rationale:
      '`cluster-admin` is every permission on every resource. Bound to a ServiceAccount, it is one token away from the whole cluster: any code execution in a pod running as that account (a malicious model file, a model-server CVE, a compromised dependency) owns every node, every Secret and every model. Bound to a user or group, it bypasses all the scoping RBAC exists for.',
    remediation:
      'Bind a Role (or a narrowly scoped ClusterRole) that lists only what the subject needs. Keep `cluster-admin` for break-glass humans authenticated through the identity provider, never for ServiceAccounts.',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.1.1'], nist: ['AC-6'] },
    targets: ['k8s:ClusterRoleBinding', 'k8s:RoleBinding'],
    fix: 'none',
    messages: {
      serviceAccount: "{{kind}} '{{name}}' gives cluster-admin {{scope}} to {{subjects}}: code execution in a pod running as it controls {{target}}.",
      userOrGroup: "{{kind}} '{{name}}' gives cluster-admin {{scope}} to {{subjects}}.",
    },
    examples: {
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: kuberay-operator-admin }
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: kuberay-operator
    namespace: ray-system
`,
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: kuberay-operator }
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: kuberay-operator
subjects:
  - kind: ServiceAccount
    name: kuberay-operator
    namespace: ray-system
`,
    },
  },
  create(context) {
    return {
      object(binding) {
        if (!isRbacBinding(binding)) return;
        const roleRef = binding.root.get('roleRef');
        if (roleRef.get('kind').str() !== 'ClusterRole' || roleRef.get('name').str() !== 'cluster-admin') return;
        const offending = binding.root
          .get('subjects')
          .items()
          .map((subject) => ({ subject, kind: subject.get('kind').str(), name: subject.get('name').str(), namespace: subject.get('namespace').str() }))
          // `system:` users and groups (system:masters, node identities) are the platform's own.
          .filter(({ kind, name }) => name !== undefined && (kind === 'ServiceAccount' || ((kind === 'User' || kind === 'Group') && !name.startsWith('system:'))));
        if (offending.length === 0) return;
        const describe = ({ kind, name, namespace }: (typeof offending)[number]): string =>
          kind === 'ServiceAccount' ? `ServiceAccount '${namespace ?? binding.namespace ?? '(default)'}/${name ?? ''}'` : `${kind ?? ''} '${name ?? ''}'`;
        const clusterWide = binding.kind === 'ClusterRoleBinding';
        const related: RelatedHop[] = offending.map((entry) => ({ at: entry.subject, message: describe(entry) }));
        context.report({
          messageId: offending.some((entry) => entry.kind === 'ServiceAccount') ? 'serviceAccount' : 'userOrGroup',
          data: {
            kind: binding.kind,
            name: binding.name ?? '(unnamed)',
            scope: clusterWide ? 'over the cluster' : `in namespace '${binding.namespace ?? '(default)'}'`,
            target: clusterWide ? 'the whole cluster' : `namespace '${binding.namespace ?? '(default)'}'`,
            subjects: offending.map(describe).join(', '),
          },
          at: roleRef.get('name'),
          related,
        });
      },
    };
  },
});
