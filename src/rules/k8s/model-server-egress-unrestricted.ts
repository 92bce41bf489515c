import type { Severity } from '../../findings/finding.js';
import type { KubernetesModel, Workload } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { egressTo, METADATA_IPV4, METADATA_IPV6, METADATA_PORT } from '../../model/network-egress.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/**
 * Where a finding about a pod template goes: its template metadata. A custom resource with several
 * templates and no metadata of their own (an InferenceService's predictor and explainer) gets each
 * finding at the template itself.
 */
function placeOf(model: KubernetesModel, workload: Workload): Node {
  const own = workload.podMetadata.path.join('/') !== workload.object.root.get('metadata').path.join('/');
  if (own || model.workloads.filter((other) => other.object === workload.object).length === 1) return workload.podMetadata;
  return workload.podSpec;
}

/** Kind names that mean something else in the core group. */
function kindOf(workload: Workload): string {
  return workload.object.group === 'serving.knative.dev' && workload.object.kind === 'Service' ? 'Knative Service' : workload.object.kind;
}

function serversOf(workload: Workload, servers: (workload: Workload) => ModelServer[]): string {
  return [...new Set(servers(workload).map((server) => `${server.info.title} (container '${server.container.name || '(unnamed)'}')`))].join(', ');
}

export const modelServerEgressUnrestricted = defineRule({
  meta: {
    id: 'IG-K8S-016',
    name: 'model-server-egress-unrestricted',
    title: 'Model-server namespace without an egress NetworkPolicy',
    severity: 'medium',
    rationale:
      "Model servers run code that arrives with models and requests: pickled weights, `trust_remote_code` repositories, custom handlers, multimodal URLs fetched on the caller's behalf (SSRF), and the RCE bugs of Triton, TorchServe, Ray and vLLM. Once one of these runs, what the pod can reach decides the damage. Without an egress NetworkPolicy the pod can call the cloud instance metadata endpoint (169.254.169.254) and take the node's credentials, read the model store and every in-cluster service, and send weights and data anywhere on the internet. A policy that allows `0.0.0.0/0` without carving out the metadata address leaves the first of these open.\n\nThe rule reads the NetworkPolicies of the scanned files. When the files hold no NetworkPolicy at all for the namespace, the policies may be managed elsewhere, and IG-K8S-125 (namespace-without-default-deny) already reports the namespace: this rule reports the model-server pods of namespaces whose policies are in the files. Workloads without a namespace (placed by the deploy tool), kustomize patches and hostNetwork pods (NetworkPolicies do not apply to them; IG-K8S-008) are left out.",
    remediation:
      'Select the model-server pods with a NetworkPolicy that has `policyTypes: [Egress]` and allows only what the server needs: DNS (kube-dns on 53/UDP and TCP), the model store or registry, and telemetry. When a broad internet rule is unavoidable (Hub downloads), write it as `ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}` (and `fd00:ec2::254/128` on IPv6 EKS), and block the metadata endpoint at the node as well (IMDSv2 with hop limit 1 on AWS, GKE Workload Identity / metadata concealment).',
    references: [
      'https://docs.vllm.ai/en/stable/usage/security/',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/networking/v1/defaults.go',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
      'https://cloud.google.com/compute/docs/metadata/querying-metadata',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025', 'AML.T0055'], cis: ['5.3.2'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Workload', 'k8s:NetworkPolicy'],
    fix: 'none',
    messages: {
      noEgressPolicy:
        "{{kind}} '{{name}}' runs {{servers}} in namespace '{{namespace}}', and none of the namespace's NetworkPolicies limits its pods' egress (none selects them with policy type Egress): a compromised model server can reach the cloud metadata endpoint (169.254.169.254), every in-cluster service and the internet.",
      metadataReachable:
        "{{kind}} '{{name}}' runs {{servers}} in namespace '{{namespace}}', and NetworkPolicy '{{policy}}' allows egress to {{peer}}, which includes the cloud metadata endpoint {{address}}: a compromised model server can take the node's cloud credentials.",
      metadataReachableIpv6:
        "{{kind}} '{{name}}' runs {{servers}} in namespace '{{namespace}}', and NetworkPolicy '{{policy}}' allows egress to {{peer}}, which includes AWS's IPv6 metadata endpoint {{address}} (reachable where the instances enable it, as on IPv6 EKS clusters).",
    },
    examples: {
      bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-ingress, namespace: llm }
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: llm }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
`,
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: vllm-egress, namespace: llm }
spec:
  podSelector: { matchLabels: { app: vllm } }
  policyTypes: [Egress]
  egress:
    - to: [{ namespaceSelector: {}, podSelector: { matchLabels: { k8s-app: kube-dns } } }]
      ports: [{ port: 53, protocol: UDP }]
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] } }]
      ports: [{ port: 443 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: llm }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
`,
    },
  },
  create(context) {
    const { model } = context;
    const servers = (workload: Workload): ModelServer[] =>
      workload.containers.flatMap((container) => (container.role === 'container' ? (modelServerFacts(model, container) ?? []) : []));
    return {
      workload(workload) {
        const object = workload.object;
        if (servers(workload).length === 0) return;
        // Unknown (egressTo): a namespace the deploy tool fills in, a patch, a runtime template, hostNetwork pods, or a namespace without policies in the files (IG-K8S-125 reports it).
        // The policies as written: a cluster that enforces none of them is IG-GCP-012 / IG-AZ-013's finding, not each namespace's.
        const first = egressTo(model, workload, METADATA_IPV4, METADATA_PORT);
        const data = { kind: kindOf(workload), name: object.name ?? '(unnamed)', namespace: object.namespace ?? '', servers: serversOf(workload, servers) };
        const at = placeOf(model, workload);
        if (first.verdict === 'open' && first.by === 'no-egress-policy') {
          context.report({ messageId: 'noEgressPolicy', data, at });
          return;
        }
        for (const [address, messageId, severity] of [
          [METADATA_IPV4, 'metadataReachable', 'medium'],
          [METADATA_IPV6, 'metadataReachableIpv6', 'low'],
        ] as const) {
          const egress = address === METADATA_IPV4 ? first : egressTo(model, workload, address, METADATA_PORT);
          if (egress.verdict !== 'open' || egress.by !== 'rule') continue;
          const allowed = egress.allowance;
          const related = [{ at: allowed.peer ?? allowed.rule, message: `NetworkPolicy '${allowed.policy.name ?? '(unnamed)'}' allows ${allowed.description}` }];
          context.report({
            messageId,
            data: { ...data, policy: allowed.policy.name ?? '(unnamed)', peer: allowed.description, address },
            at,
            severity: severity as Severity,
            related,
          });
          return;
        }
      },
    };
  },
});
