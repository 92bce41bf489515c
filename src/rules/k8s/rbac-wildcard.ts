import { isRbacRole } from '../../model/rbac.js';
import { defineRule } from '../define-rule.js';

/** Checked in this order: the first wildcard found is where the finding points. */
const FIELDS = ['verbs', 'resources', 'apiGroups'] as const;

export const rbacWildcard = defineRule({
  meta: {
    id: 'IG-K8S-121',
    name: 'rbac-wildcard',
    title: 'Role grants wildcards',
    severity: 'high',
    rationale:
      "A `*` grants every verb, resource or API group that exists now and any added later, CRDs such as `InferenceService` or `RayCluster` included. Model servers run untrusted model files and expose large request surfaces; whatever identity is bound to this role is what an attacker gets after code execution in the pod, so an open-ended grant turns one compromised model into control over every model, secret and GPU node the role reaches.",
    remediation:
      'List the exact `apiGroups`, `resources` and `verbs` the workload needs (`kubectl auth can-i --list --as=system:serviceaccount:<ns>:<sa>` shows what it uses). Model servers usually need no Kubernetes API access at all.',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.1.3'], nist: ['AC-6'] },
    targets: ['k8s:Role', 'k8s:ClusterRole'],
    fix: 'none',
    messages: {
      wildcard: "{{kind}} '{{name}}' has a rule with `*` in {{fields}}: it grants everything that matches, now and in future API versions.",
      allWildcard: "{{kind}} '{{name}}' has a rule granting every verb on every resource of every API group: the equivalent of cluster-admin wherever it is bound.",
    },
    examples: {
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: model-loader, namespace: serving }
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["*"]
`,
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: model-loader, namespace: serving }
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "watch"]
`,
    },
  },
  create(context) {
    return {
      object(role) {
        if (!isRbacRole(role)) return;
        for (const rule of role.root.get('rules').items()) {
          const wildcards = FIELDS.map((field) => ({ field, item: rule.get(field).items().find((item) => item.str() === '*') }));
          const found = wildcards.filter((entry) => entry.item !== undefined);
          const first = found[0]?.item;
          if (!first) continue;
          const fields = found.map((entry) => `\`${entry.field}\``);
          context.report({
            messageId: found.length === FIELDS.length ? 'allWildcard' : 'wildcard',
            data: { kind: role.kind, name: role.name ?? '(unnamed)', fields: fields.length === 1 ? (fields[0] as string) : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1) as string}` },
            at: first,
          });
        }
      },
    };
  },
});
