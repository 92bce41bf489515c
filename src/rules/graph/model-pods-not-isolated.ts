import { isFragment } from '../../model/fragments.js';
import type { Workload } from '../../model/kubernetes.js';
import { modelServersIn } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { ingressIsolation, networkPoliciesIn } from '../../model/network-policies.js';
import { networkPolicyEnforcement } from '../../model/network-policy-enforcement.js';
import { defineRule } from '../define-rule.js';

/** Ports that administer the server rather than serve predictions. */
const CONTROL_ROLES = new Set(['management', 'control']);

export const modelPodsNotIsolated = defineRule({
  meta: {
    id: 'IG-GRAPH-003',
    name: 'model-pods-not-isolated',
    title: 'No NetworkPolicy isolates model-server pods',
    severity: 'medium',
    rationale:
      'A namespace can have NetworkPolicies and still leave some model-server pods unselected: a canary labelled `track: canary` next to a policy for `track: primary`, a second model added after the policies were written. Those pods accept connections from every pod of the cluster on every port — inference, metrics, and the management or control APIs that load models and run code. Any compromised pod (another tenant\'s model server, a notebook, a CI job) can then call them directly, past the ingress controller, its authentication and its rate limits. The rule evaluates the NetworkPolicies of the pod\'s namespace in the scan, with the labels the pods run with (operator-added ones included); a namespace with no policy at all is IG-K8S-125\'s finding.\n\nPolicies isolate nothing on a cluster whose network plugin does not enforce them. When the scan\'s Terraform holds the cluster and it does not (GKE on the legacy datapath without Calico, AKS without a network policy engine), model-server pods that the policies do select are reported too: every pod of the cluster still reaches them.',
    remediation:
      'Run the models on a cluster that enforces NetworkPolicies (GKE Dataplane V2 or Calico with its add-on, an AKS network policy engine, `enableNetworkPolicy` in the EKS `vpc-cni` add-on). Add a default-deny ingress policy to the namespace (`podSelector: {}`, `policyTypes: [Ingress]`) and allow the ingress controller or gateway to the inference port only, selecting every variant by a label they share (`app: fraud`, not `track: primary`):\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: fraud-from-ingress, namespace: models }\nspec:\n  podSelector: { matchLabels: { app: fraud } }\n  policyTypes: [Ingress]\n  ingress:\n    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]\n      ports: [{ port: 8000 }]\n```',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy',
      'https://learn.microsoft.com/en-us/azure/aks/use-network-policies',
    ],
    mappings: { stride: ['E', 'I'], atlas: ['AML.T0049', 'AML.T0040'], cis: ['5.3.2'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Workload', 'k8s:NetworkPolicy', 'tf:google_container_cluster', 'tf:azurerm_kubernetes_cluster'],
    fix: 'none',
    messages: {
      notIsolated:
        "{{workload}} ({{server}}) is selected by no ingress NetworkPolicy of namespace '{{namespace}}', though the namespace has some: every pod of the cluster can reach its {{ports}}{{control}}.",
      controlOpen: "NetworkPolicy '{{policy}}' lets every pod of the cluster reach the {{role}} port {{port}} of {{workload}} ({{server}}).",
      notEnforced:
        "{{workload}} ({{server}}) is selected by NetworkPolicy {{policies}} of namespace '{{namespace}}', but the cluster does not enforce NetworkPolicies ({{cluster}}): every pod of the cluster can reach its {{ports}}{{control}}.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: fraud-canary, namespace: models }
spec:
  selector: { matchLabels: { app: fraud, track: canary } }
  template:
    metadata: { labels: { app: fraud, track: canary } }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.12.0-gpu
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: fraud-primary, namespace: models }
spec:
  podSelector: { matchLabels: { app: fraud, track: primary } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]
      ports: [{ port: 8080 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: fraud-canary, namespace: models }
spec:
  selector: { matchLabels: { app: fraud, track: canary } }
  template:
    metadata: { labels: { app: fraud, track: canary } }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.12.0-gpu
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: fraud, namespace: models }
spec:
  podSelector: { matchLabels: { app: fraud } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]
      ports: [{ port: 8080 }]
`,
    },
  },
  create(context) {
    return {
      end() {
        const byWorkload = new Map<Workload, ModelServer[]>();
        for (const server of modelServersIn(context.model)) {
          const list = byWorkload.get(server.container.workload) ?? [];
          list.push(server);
          byWorkload.set(server.container.workload, list);
        }
        for (const [workload, servers] of byWorkload) {
          if (isFragment(workload)) continue;
          const ports = [...new Set(servers.flatMap((server) => server.ports.map((port) => port.number)))].sort((a, b) => a - b);
          const isolation = ingressIsolation(context.model, workload, ports);
          const name = `${workload.object.kind} '${workload.object.name ?? '(unnamed)'}'`;
          const title = servers.map((server) => server.info.title).join(', ');
          const control = servers.flatMap((server) => server.ports.filter((port) => port.roles.some((role) => CONTROL_ROLES.has(role))));
          const labels = workload.podMetadata.get('labels');
          const portsText = `${ports.length === 1 ? 'port' : 'ports'} ${ports.join(', ')}`;
          const controlText =
            control.length > 0 ? `, the ${[...new Set(control.flatMap((port) => port.roles.filter((role) => CONTROL_ROLES.has(role))))].join(' and ')} port${control.length === 1 ? '' : 's'} ${[...new Set(control.map((port) => port.number))].join(', ')} included` : '';
          if (isolation.state === 'none') {
            // The namespace's policies, to show what they select instead.
            const related = networkPoliciesIn(context.model, workload.object.namespace)
              .slice(0, 3)
              .map((policy) => ({ at: policy.root.get('spec', 'podSelector'), message: `NetworkPolicy '${policy.name ?? '(unnamed)'}' selects other pods` }));
            context.report({
              messageId: 'notIsolated',
              related,
              at: labels.exists ? labels : workload.object.root,
              object: workload.object,
              severity: control.length > 0 ? 'high' : 'medium',
              data: {
                workload: name,
                server: title,
                namespace: isolation.namespace,
                ports: portsText,
                control: controlText,
              },
            });
            continue;
          }
          if (isolation.state !== 'restricted' && isolation.state !== 'open') continue;
          const enforcement = networkPolicyEnforcement(context.terraform);
          if (enforcement.state === 'not-enforced') {
            // The policies select the pods, but nothing applies them.
            context.report({
              messageId: 'notEnforced',
              at: labels.exists ? labels : workload.object.root,
              object: workload.object,
              severity: control.length > 0 ? 'high' : 'medium',
              related: [
                ...enforcement.clusters.map((cluster) => ({ at: cluster.at, message: `${cluster.description}: NetworkPolicies are not enforced` })),
                ...isolation.selecting.slice(0, 3).map((policy) => ({ at: policy.root.get('spec', 'podSelector'), message: `NetworkPolicy '${policy.name ?? '(unnamed)'}' selects these pods, but the cluster does not enforce it` })),
              ],
              data: {
                workload: name,
                server: title,
                policies: isolation.selecting.map((policy) => `'${policy.name ?? '(unnamed)'}'`).join(', '),
                namespace: workload.object.namespace ?? '',
                cluster: enforcement.description,
                ports: portsText,
                control: controlText,
              },
            });
          }
          // Selected, but a rule admits every pod: name the control ports it leaves open.
          for (const server of servers) {
            for (const port of server.ports) {
              const role = port.roles.find((candidate) => CONTROL_ROLES.has(candidate));
              if (role === undefined) continue;
              const onPort = ingressIsolation(context.model, workload, [port.number]);
              if (onPort.state !== 'open') continue;
              context.report({
                messageId: 'controlOpen',
                at: onPort.rule,
                object: workload.object,
                severity: 'high',
                data: { policy: onPort.policy.name ?? '(unnamed)', role, port: port.number, workload: name, server: server.info.title },
              });
            }
          }
        }
      },
    };
  },
});
