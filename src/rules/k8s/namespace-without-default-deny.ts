import type { Severity } from '../../findings/finding.js';
import { isDeletionPatch, isFragment } from '../../model/fragments.js';
import type { K8sObject, Workload } from '../../model/kubernetes.js';
import { isNamespaceName, rulesIsolate, selectsAllPods } from '../../model/network-policies.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';
import { appendTo } from '../../model/collections.js';

/**
 * Which directions a NetworkPolicy denies by default for all pods. A policy that selects every pod
 * isolates them for each of its types: only the peers its rules list are allowed (no rules: nothing is),
 * so a namespace-wide allow list such as "same namespace only" is a default deny too. Without
 * `policyTypes`, Kubernetes assumes Ingress, plus Egress when egress rules are written.
 */
function defaultDenies(policy: K8sObject): { ingress: boolean; egress: boolean } {
  const spec = policy.root.get('spec');
  if (!selectsAllPods(spec.get('podSelector'))) return { ingress: false, egress: false };
  const types = spec.get('policyTypes');
  const listed = types.items().map((item) => item.str());
  const ingressType = types.isWritten() ? listed.includes('Ingress') : true;
  const egressType = types.isWritten() ? listed.includes('Egress') : spec.get('egress').items().length > 0;
  return { ingress: ingressType && rulesIsolate(spec.get('ingress'), 'from'), egress: egressType && rulesIsolate(spec.get('egress'), 'to') };
}

function sourceOrder(a: K8sObject, b: K8sObject): number {
  if (a.file.path !== b.file.path) return a.file.path < b.file.path ? -1 : 1;
  if (a.doc.start !== b.doc.start) return a.doc.start - b.doc.start;
  return a.root.path.join('/') < b.root.path.join('/') ? -1 : 1;
}

export const namespaceWithoutDefaultDeny = defineRule({
  meta: {
    id: 'IG-K8S-125',
    name: 'namespace-without-default-deny',
    title: 'Namespace without default-deny NetworkPolicy',
    severity: 'medium',
    rationale:
      "Kubernetes lets every pod talk to every other pod, and to the internet, until a NetworkPolicy selects it. A model server's admin, metrics and inference ports (TorchServe 8081, Triton 8000-8002, Ray 8265) are then open to any compromised pod in the cluster, and a compromised model server can reach the cloud metadata endpoint, other namespaces and the internet to exfiltrate weights. A default-deny policy per namespace turns every allowed flow into a decision someone wrote down.",
    remediation:
      'Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no rules to each namespace, then allow explicitly: the ingress controller to the inference port, DNS and the model store for egress. A policy that selects every pod and only allows listed peers (for example the same namespace) also counts as a default deny for its direction; one that allows `0.0.0.0/0` or every namespace does not.',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
      'https://github.com/ahmetb/kubernetes-network-policy-recipes',
    ],
    mappings: { stride: ['I', 'T'], cis: ['5.3.2'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Namespace', 'k8s:NetworkPolicy'],
    fix: 'none',
    messages: {
      noDefaultDeny: "Namespace '{{namespace}}' runs workloads but has no default-deny NetworkPolicy: all ingress and egress traffic is allowed.",
      noDefaultDenyIngress: "Namespace '{{namespace}}' runs workloads but no NetworkPolicy denies ingress by default: any pod can reach them.",
      noDefaultDenyEgress: "Namespace '{{namespace}}' denies ingress by default but not egress: its pods can reach any address.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: mlserver, namespace: models }
spec:
  containers:
    - name: mlserver
      image: seldonio/mlserver:1.6.0
`,
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: models }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: v1
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
    const { model } = context;
    return {
      end() {
        // Workloads without a namespace are placed by the deploy tool: which namespace, and which policies apply there, is unknown.
        const byNamespace = new Map<string, Workload[]>();
        for (const workload of model.workloads) {
          const namespace = workload.object.namespace;
          // A namespace written as a placeholder (`${namespace}`, `{{ .Release.Namespace }}`, `FILLED BY THE OPERATOR`) is unknown too.
          if (namespace === undefined || !isNamespaceName(namespace) || isFragment(workload)) continue;
          appendTo(byNamespace, namespace, workload);
        }
        // A kustomize `$patch: delete` removes the object from the build: it neither protects nor names the namespace.
        const policies = model.byType('k8s:NetworkPolicy').filter((policy) => policy.group === 'networking.k8s.io' && !isDeletionPatch(policy));
        for (const [namespace, workloads] of [...byNamespace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          const denies = policies.filter((policy) => policy.namespace === namespace).map(defaultDenies);
          const ingress = denies.some((deny) => deny.ingress);
          const egress = denies.some((deny) => deny.egress);
          if (ingress && egress) continue;
          const messageId = !ingress && !egress ? 'noDefaultDeny' : ingress ? 'noDefaultDenyEgress' : 'noDefaultDenyIngress';
          // Egress alone is the lesser gap: ingress isolation is what CIS 5.3.2 asks for.
          const base: Severity = messageId === 'noDefaultDenyEgress' ? 'low' : namespaceWithoutDefaultDeny.meta.severity;
          const namespaceObject = model.byType('k8s:Namespace').find((candidate) => candidate.group === '' && candidate.name === namespace && !isDeletionPatch(candidate));
          const first = [...workloads].sort((a, b) => sourceOrder(a.object, b.object))[0] as Workload;
          const object = namespaceObject ?? first.object;
          context.report({
            messageId,
            data: { namespace },
            at: object.root.get('metadata', namespaceObject ? 'name' : 'namespace'),
            object,
            severity: severityForPod(base, workloads.flatMap((workload) => workload.containers)),
          });
        }
      },
    };
  },
});
