import { isDeletionPatch } from '../../model/fragments.js';
import { isRbacBinding } from '../../model/rbac.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/**
 * `system:` identities that stand for many callers rather than one platform component: every
 * ServiceAccount (of the cluster or of a namespace), every authenticated caller, anonymous requests.
 * The other `system:` users and groups (system:masters, node and controller identities) are the platform's own.
 */
const BROAD_SYSTEM_GROUP = /^system:(authenticated|unauthenticated|serviceaccounts(:.+)?)$/;
const BROAD_SYSTEM_USER = /^system:(anonymous|serviceaccount:[^:]+:[^:]+)$/;

function isWorkloadOrPerson(kind: string | undefined, name: string): boolean {
  if (kind === 'ServiceAccount') return true;
  if (kind === 'Group') return !name.startsWith('system:') || BROAD_SYSTEM_GROUP.test(name);
  if (kind === 'User') return !name.startsWith('system:') || BROAD_SYSTEM_USER.test(name);
  return false;
}

/** Subjects whose token sits in pods: a ServiceAccount, its `system:serviceaccount:<ns>:<name>` user, or a ServiceAccount group. */
function actsForWorkloads(kind: string | undefined, name: string): boolean {
  return kind === 'ServiceAccount' || (kind === 'User' && name.startsWith('system:serviceaccount:')) || (kind === 'Group' && name.startsWith('system:serviceaccounts'));
}

export const clusterAdminBound = defineRule({
  meta: {
    id: 'IG-K8S-123',
    name: 'cluster-admin-bound',
    title: 'cluster-admin bound to a workload identity',
    severity: 'critical',
    rationale:
      '`cluster-admin` is every permission on every resource. Bound to a ServiceAccount, it is one token away from the whole cluster: any code execution in a pod running as that account (a malicious model file, a model-server CVE, a compromised dependency) owns every node, every Secret and every model. Bound to a user or group, it bypasses all the scoping RBAC exists for; bound to `system:authenticated`, `system:unauthenticated` or a `system:serviceaccounts` group, it is every caller\'s or every pod\'s.',
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
        // A kustomize `$patch: delete` removes the binding from the build.
        if (!isRbacBinding(binding) || isDeletionPatch(binding)) return;
        const roleRef = binding.root.get('roleRef');
        if (roleRef.get('kind').str() !== 'ClusterRole' || roleRef.get('name').str() !== 'cluster-admin') return;
        const offending = binding.root
          .get('subjects')
          .items()
          .map((subject) => ({ subject, kind: subject.get('kind').str(), name: subject.get('name').str(), namespace: subject.get('namespace').str() }))
          .filter((entry): entry is typeof entry & { name: string } => entry.name !== undefined && isWorkloadOrPerson(entry.kind, entry.name));
        if (offending.length === 0) return;
        // A ServiceAccount subject without a namespace takes the RoleBinding's, or one the deploy tool writes (kustomize `namespace:`).
        const describe = ({ kind, name, namespace }: (typeof offending)[number]): string => {
          if (kind !== 'ServiceAccount') return `${kind ?? ''} '${name}'`;
          const at = namespace ?? (binding.kind === 'RoleBinding' ? binding.namespace : undefined);
          return at === undefined ? `ServiceAccount '${name}'` : `ServiceAccount '${at}/${name}'`;
        };
        const clusterWide = binding.kind === 'ClusterRoleBinding';
        const related: RelatedHop[] = offending.map((entry) => ({ at: entry.subject, message: describe(entry) }));
        context.report({
          messageId: offending.some((entry) => actsForWorkloads(entry.kind, entry.name)) ? 'serviceAccount' : 'userOrGroup',
          data: {
            kind: binding.kind,
            name: binding.name ?? '(unnamed)',
            scope: clusterWide ? 'over the cluster' : binding.namespace === undefined ? 'in its namespace (set at deploy time)' : `in namespace '${binding.namespace}'`,
            target: clusterWide ? 'the whole cluster' : binding.namespace === undefined ? 'that namespace' : `namespace '${binding.namespace}'`,
            subjects: offending.map(describe).join(', '),
          },
          at: roleRef.get('name'),
          related,
        });
      },
    };
  },
});
