import { servingGraph } from '../../graph/serving-graph.js';
import type { K8sObject } from '../../model/kubernetes.js';
import type { DangerousPermission } from '../../model/rbac.js';
import { dangerousGrants, wildcardGrant } from '../../model/rbac.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** What each permission gives whoever runs code in the model server. */
const WHAT: Readonly<Record<DangerousPermission | 'wildcard' | 'builtin', string>> = {
  secretsRead: 'read every Secret of the cluster',
  podExec: 'open a shell in other pods (`pods/exec`)',
  podAttach: 'attach to other pods (`pods/attach`)',
  podCreate: 'create pods that mount any Secret or ServiceAccount of the namespace',
  escalate: 'give roles permissions it does not hold (`escalate`)',
  bind: 'bind any role, cluster-admin included (`bind`)',
  impersonate: 'act as other users and ServiceAccounts (`impersonate`)',
  nodesProxy: 'reach the kubelet API of every node (`nodes/proxy`)',
  webhookWrite: 'install admission webhooks that see every object created',
  wildcard: 'do anything a `*` rule allows',
  builtin: '',
};

/** Built-in ClusterRoles (kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles) and what they allow. */
const BUILT_IN: ReadonlyMap<string, { readonly what: string; readonly critical: boolean }> = new Map([
  ['cluster-admin', { what: 'do anything in the cluster (built-in `cluster-admin`)', critical: true }],
  ['admin', { what: 'read the Secrets of the namespace and create pods there (built-in `admin`)', critical: false }],
  ['edit', { what: 'read the Secrets of the namespace and create pods there (built-in `edit`)', critical: false }],
]);

export const servingAccountDangerousRbac = defineRule({
  meta: {
    id: 'IG-GRAPH-011',
    name: 'serving-account-dangerous-rbac',
    title: 'Model-serving ServiceAccount holds dangerous Kubernetes RBAC',
    severity: 'high',
    rationale:
      'A model server needs no Kubernetes API access at all. Code that runs in it — a malicious model file, a custom handler, a server CVE — finds the pod\'s ServiceAccount token and uses whatever that account is bound to. Bound to a role that can read Secrets, create or exec into pods, bind or escalate roles, impersonate, or to `cluster-admin`, one compromised model becomes the cluster: other tenants\' models and credentials, the nodes, the GPUs. The rule follows each model-server workload to its ServiceAccount and to every RoleBinding and ClusterRoleBinding that names it, and reads what the bound role grants (the same permissions as IG-K8S-122, and `*`).',
    remediation:
      'Remove the binding: give the model server a ServiceAccount of its own with no RoleBinding, and `automountServiceAccountToken: false` unless it must call the API. Put whatever needs the permission (a model-loading controller, an operator) in a separate workload with its own account.',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0012'], cis: ['5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.8'], nist: ['AC-6'] },
    targets: ['k8s:ServiceAccount', 'k8s:RoleBinding', 'k8s:ClusterRoleBinding', 'k8s:Role', 'k8s:ClusterRole'],
    fix: 'none',
    messages: {
      dangerous: "{{binding}} gives ServiceAccount '{{account}}', which {{servers}} {{runs}} as, {{role}}: code running in the model server can {{what}}.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: llm, namespace: serving }
spec:
  selector: { matchLabels: { app: llm } }
  template:
    metadata: { labels: { app: llm } }
    spec:
      serviceAccountName: llm
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: llm-edit, namespace: serving }
subjects: [{ kind: ServiceAccount, name: llm, namespace: serving }]
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: llm, namespace: serving }
spec:
  selector: { matchLabels: { app: llm } }
  template:
    metadata: { labels: { app: llm } }
    spec:
      serviceAccountName: llm
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: llm-view, namespace: serving }
subjects: [{ kind: ServiceAccount, name: llm, namespace: serving }]
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
`,
    },
  },
  create(context) {
    return {
      end() {
        const graph = servingGraph(context.model, context.terraform);
        for (const account of graph.ofKind('service-account')) {
          const runners = graph.incoming(account.id, 'runs-as');
          if (runners.length === 0) continue;
          const servers = [...new Set(runners.map((edge) => graph.node(edge.from).label.replace(/ \(.*\)$/, '')))];
          for (const bound of graph.outgoing(account.id, 'bound-to')) {
            const roleNode = graph.node(bound.to);
            const role = roleNode.subject as K8sObject | undefined;
            const clusterWide = bound.label.startsWith('ClusterRoleBinding');
            const findings: Array<{ what: string; at: Node | undefined; critical: boolean }> = [];
            if (role) {
              const grants = dangerousGrants(role, clusterWide && role.kind === 'ClusterRole');
              for (const kind of [...new Set(grants.map((grant) => grant.kind))]) findings.push({ what: WHAT[kind], at: grants.find((grant) => grant.kind === kind)?.at, critical: false });
              const wildcard = wildcardGrant(role);
              if (wildcard) findings.push({ what: WHAT.wildcard, at: wildcard, critical: clusterWide });
            } else {
              const builtIn = BUILT_IN.get(roleNode.label.replace(/^ClusterRole (\S+).*$/, '$1'));
              if (builtIn && roleNode.label.startsWith('ClusterRole ')) findings.push({ what: builtIn.what, at: undefined, critical: builtIn.critical });
            }
            if (findings.length === 0) continue;
            const related: RelatedHop[] = [
              { at: runners[0]!.at, message: `${graph.node(runners[0]!.from).label} runs as ${account.label}` },
              ...findings.flatMap((finding) => (finding.at ? [{ at: finding.at, message: `${roleNode.label} allows it here` }] : [])).slice(0, 3),
            ];
            context.report({
              messageId: 'dangerous',
              at: bound.at,
              object: (account.subject as K8sObject | undefined) ?? (runners[0] ? graph.node(runners[0].from).subject : undefined),
              ...(findings.some((finding) => finding.critical) ? { severity: 'critical' as const } : {}),
              data: {
                binding: bound.label,
                account: account.label.replace(/^ServiceAccount /, ''),
                servers: servers.length <= 2 ? servers.join(' and ') : `${servers.slice(0, 2).join(', ')} and ${servers.length - 2} more`,
                runs: servers.length === 1 ? 'runs' : 'run',
                role: roleNode.label,
                what: findings.map((finding) => finding.what).join('; '),
              },
              related,
            });
          }
        }
      },
    };
  },
});
