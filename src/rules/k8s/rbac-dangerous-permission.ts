import { isDeletionPatch } from '../../model/fragments.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { dangerousGrants, isRbacBinding, isRbacRole } from '../../model/rbac.js';
import { labelSelectorMatches } from '../../model/selectors.js';
import { defineRule } from '../define-rule.js';

/** A ClusterRole label that adds its rules to an aggregated, user-facing role (`rbac.authorization.k8s.io/aggregate-to-edit: "true"`). */
const AGGREGATE_TO = /(^|\/)aggregate-to-[^/]*$/;

interface RbacIndex {
  /** ClusterRoles that aggregate others (`aggregationRule`). */
  readonly aggregators: readonly K8sObject[];
  /** The kinds of the bindings that name each ClusterRole. */
  readonly bindingKinds: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Deletion patches (`$patch: delete`) are left out: they remove the object from the build. */
function rbacIndex(model: KubernetesModel): RbacIndex {
  const aggregators = model.byType('k8s:ClusterRole').filter((role) => isRbacRole(role) && !isDeletionPatch(role) && role.root.get('aggregationRule').isMap());
  const bindingKinds = new Map<string, Set<string>>();
  for (const binding of [...model.byType('k8s:ClusterRoleBinding'), ...model.byType('k8s:RoleBinding')]) {
    const roleRef = binding.root.get('roleRef');
    const name = roleRef.get('name').str();
    if (!isRbacBinding(binding) || isDeletionPatch(binding) || roleRef.get('kind').str() !== 'ClusterRole' || name === undefined) continue;
    bindingKinds.set(name, (bindingKinds.get(name) ?? new Set()).add(binding.kind));
  }
  return { aggregators, bindingKinds };
}

/**
 * Where a ClusterRole's grants apply, from the bindings in the scanned files: `cluster` when a
 * ClusterRoleBinding names it (or a ClusterRole that aggregates it), `namespaces` when only
 * RoleBindings do, or when nothing binds it and it is labelled as a building block of aggregated
 * user-facing roles (`admin`, `edit`, Kubeflow's `kubeflow-edit`, granted per namespace); `unknown`
 * otherwise (taken as cluster-wide).
 */
function clusterRoleScope(index: RbacIndex, role: K8sObject): 'cluster' | 'namespaces' | 'unknown' {
  const holders = new Set<string>([role.name as string]);
  const queue: K8sObject[] = [role];
  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const aggregator of index.aggregators) {
      if (aggregator.name === undefined || holders.has(aggregator.name)) continue;
      const labels = current.labels;
      if (aggregator.root.get('aggregationRule', 'clusterRoleSelectors').items().some((selector) => labelSelectorMatches(selector, labels))) {
        holders.add(aggregator.name);
        queue.push(aggregator);
      }
    }
  }
  const kinds = new Set([...holders].flatMap((holder) => [...(index.bindingKinds.get(holder) ?? [])]));
  if (kinds.has('ClusterRoleBinding')) return 'cluster';
  if (kinds.size > 0) return 'namespaces';
  return Object.entries(role.labels).some(([key, value]) => AGGREGATE_TO.test(key) && value === 'true') ? 'namespaces' : 'unknown';
}

export const rbacDangerousPermission = defineRule({
  meta: {
    id: 'IG-K8S-122',
    name: 'rbac-dangerous-permission',
    title: 'Role grants a cluster-takeover permission',
    severity: 'high',
    rationale:
      "Some permissions are a short step to everything: reading every Secret (registry, cloud and model-hub tokens), `pods/exec` / `pods/attach` into other pods, creating pods (which can mount any Secret or ServiceAccount of the namespace and land on GPU nodes), `escalate` / `bind` / `impersonate` (grant yourself or act as anyone), `nodes/proxy` (the kubelet API, exec into any pod of the node) and writing admission webhooks (intercept every object created). A model server that runs an attacker's pickle hands these to the attacker together with its ServiceAccount token.",
    remediation:
      'Remove the permission, or split it into a separate identity used only by the controller that needs it. Restrict `bind` / `escalate` with `resourceNames`, read specific Secrets by name instead of all of them, and never bind these roles to ServiceAccounts of model-serving pods. Reading Secrets, `nodes/proxy` and webhook writes are reported on ClusterRoles that a ClusterRoleBinding grants (or that nothing in the scanned files binds); a ClusterRole granted only through RoleBindings, or aggregated only into namespaced user roles, reaches one namespace at a time.',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.1.2', '5.1.4', '5.1.8'], nist: ['AC-6'] },
    targets: ['k8s:Role', 'k8s:ClusterRole'],
    fix: 'none',
    messages: {
      secretsRead: "ClusterRole '{{name}}' can {{verbs}} every Secret of the cluster.",
      podExec: "{{kind}} '{{name}}' grants `pods/exec`: a shell in any pod it reaches, with that pod's identity and mounted secrets.",
      podAttach: "{{kind}} '{{name}}' grants `pods/attach`: access to the running processes of any pod it reaches.",
      podCreate: "{{kind}} '{{name}}' can create pods: a pod can mount any Secret and ServiceAccount of its namespace.",
      escalate: "{{kind}} '{{name}}' grants `escalate`: it can give roles permissions its holder does not have.",
      bind: "{{kind}} '{{name}}' grants `bind`: it can bind any role, including cluster-admin, to any identity.",
      impersonate: "{{kind}} '{{name}}' grants `impersonate`: it can act as other users, groups or ServiceAccounts.",
      nodesProxy: "ClusterRole '{{name}}' grants `nodes/proxy`: direct access to the kubelet API, which can exec into every pod of a node.",
      webhookWrite: "ClusterRole '{{name}}' can write `{{resource}}`: an admission webhook sees and can change every object created.",
    },
    examples: {
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: debug, namespace: serving }
rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
`,
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: debug, namespace: serving }
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
`,
    },
  },
  create(context) {
    let index: RbacIndex | undefined;
    return {
      object(role) {
        if (!isRbacRole(role)) return;
        // Every Secret of the cluster, nodes and webhooks are reached only through a ClusterRoleBinding.
        const clusterWide = role.kind === 'ClusterRole' && (role.name === undefined || clusterRoleScope((index ??= rbacIndex(context.model)), role) !== 'namespaces');
        const data = { kind: role.kind, name: role.name ?? '(unnamed)' };
        for (const grant of dangerousGrants(role, clusterWide)) {
          context.report({ messageId: grant.kind, data: { ...data, ...(grant.verbs ? { verbs: grant.verbs } : {}), ...(grant.resource ? { resource: grant.resource } : {}) }, at: grant.at });
        }
      },
    };
  },
});
