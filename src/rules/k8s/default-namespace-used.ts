import type { Severity } from '../../findings/finding.js';
import { isFragment } from '../../model/fragments.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { isClusterScoped } from '../../model/workload-kinds.js';
import type { SourceFile } from '../../source/source-file.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

export const defaultNamespaceUsed = defineRule({
  meta: {
    id: 'IG-K8S-116',
    name: 'default-namespace-used',
    title: 'Workload in the default namespace',
    severity: 'low',
    rationale:
      'The `default` namespace is where everything nobody placed on purpose ends up. The NetworkPolicies, ResourceQuotas, Pod Security labels and RoleBindings written for a model team are rarely applied to it, so a model server there shares its network, its Secrets and the permissions granted in the namespace with unrelated workloads. A manifest that omits the namespace is normal when the tool that applies it chooses one (`kubectl apply -n`, kustomize, Helm), so an omitted namespace is flagged only when other objects of the same file name theirs.',
    remediation:
      'Give each model or tenant a dedicated namespace with its own NetworkPolicies, ResourceQuota and Pod Security labels, and write `metadata.namespace` consistently (or leave it out of every object and let the deploy tool set it).',
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['I'], cis: ['5.7.4'], nist: ['SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      defaultNamespace: "{{kind}} '{{name}}' is placed in the `default` namespace.",
      namespaceOmitted:
        "{{kind}} '{{name}}' has no namespace while other objects of this file use `{{sibling}}`: it lands in whatever namespace is current, usually `default`.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: mlserver, namespace: default }
spec:
  containers:
    - name: mlserver
      image: seldonio/mlserver:1.6.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: mlserver, namespace: models }
spec:
  containers:
    - name: mlserver
      image: seldonio/mlserver:1.6.0
`,
    },
  },
  create(context) {
    const seen = new Set<K8sObject>();
    let firstNamespacedOf: Map<SourceFile, K8sObject> | undefined;
    const namespacedSibling = (object: K8sObject): K8sObject | undefined => {
      if (!firstNamespacedOf) {
        firstNamespacedOf = new Map();
        for (const other of context.model.objects) if (other.namespace && !firstNamespacedOf.has(other.file)) firstNamespacedOf.set(other.file, other);
      }
      return firstNamespacedOf.get(object.file);
    };
    return {
      workload(workload) {
        const { object } = workload;
        // One finding per object, even when it holds several pod templates (Ray head and workers).
        // A cluster-scoped object (ClusterServingRuntime) has no namespace to write.
        if (seen.has(object) || isFragment(workload) || isClusterScoped(object)) return;
        seen.add(object);
        const namespace = object.root.get('metadata', 'namespace');
        // A namespace of the wrong type is unknown.
        if (namespace.isWritten() && typeof namespace.value !== 'string') return;
        const data = { kind: object.kind, name: object.name ?? '(unnamed)' };
        const severity = (): Severity => {
          const containers = context.model.workloads.filter((other) => other.object === object).flatMap((other) => other.containers);
          return severityForPod(defaultNamespaceUsed.meta.severity, containers);
        };
        if (object.namespace === 'default') {
          context.report({ messageId: 'defaultNamespace', data, at: namespace, severity: severity() });
          return;
        }
        if (object.namespace) return;
        const sibling = namespacedSibling(object);
        if (!sibling?.namespace) return;
        context.report({
          messageId: 'namespaceOmitted',
          data: { ...data, sibling: sibling.namespace },
          at: namespace,
          severity: severity(),
          related: [{ at: sibling.root.get('metadata', 'namespace'), message: `${sibling.kind} '${sibling.name ?? '(unnamed)'}' names its namespace` }],
        });
      },
    };
  },
});
