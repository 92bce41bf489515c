import { inferenceGraphSteps, KSERVE_GROUP } from '../../model/adapt/crds/kserve.js';
import { parseServiceUrl } from '../../model/cluster-dns.js';
import { defineRule } from '../define-rule.js';

export const inferenceGraphExternalStep = defineRule({
  meta: {
    id: 'IG-ML-066',
    name: 'inference-graph-external-step',
    title: 'InferenceGraph routes to external or plaintext services',
    severity: 'medium',
    rationale:
      "An InferenceGraph's router forwards the request body — and, with `Sequence`, each step's output — to every step it calls. A `serviceUrl` on a host outside the cluster sends the inference data (prompts, features, personal data) out of the trust boundary in the middle of the graph, to a service whose answers the graph then trusts as the next model's input; over plain `http://` anyone on the network path reads and rewrites them. Steps named by `serviceName` stay on the InferenceService's in-cluster address.",
    remediation:
      "Route graph steps to InferenceServices in the cluster (`serviceName`, or a `serviceUrl` on `…svc.cluster.local`). If an external model API must be part of the graph, call it over HTTPS through an egress gateway that authenticates it and records what leaves, and treat its output as untrusted input.",
    references: [
      'https://kserve.github.io/website/docs/model-serving/inferencegraph/overview',
      'https://github.com/kserve/kserve/blob/master/pkg/apis/serving/v1alpha1/inference_graph.go',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0025'], nist: ['AC-4', 'SC-8'] },
    targets: ['k8s:InferenceGraph'],
    fix: 'none',
    messages: {
      externalStep: "InferenceGraph '{{name}}' node '{{node}}' sends requests to '{{url}}', a host outside the cluster: inference data leaves mid-graph and its answer is trusted as the next step's input.",
      externalPlaintextStep:
        "InferenceGraph '{{name}}' node '{{node}}' sends requests over plain HTTP to '{{url}}', a host outside the cluster: inference data crosses other networks unencrypted and the answer can be rewritten on the way.",
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1alpha1
kind: InferenceGraph
metadata: { name: fraud-pipeline, namespace: models }
spec:
  nodes:
    root:
      routerType: Sequence
      steps:
        - name: enrich
          serviceUrl: http://enrichment.example.com/v1/models/enrich:predict
        - name: score
          serviceName: fraud-model
`,
      good: `apiVersion: serving.kserve.io/v1alpha1
kind: InferenceGraph
metadata: { name: fraud-pipeline, namespace: models }
spec:
  nodes:
    root:
      routerType: Sequence
      steps:
        - name: enrich
          serviceName: enrichment
        - name: score
          serviceUrl: http://fraud-model-predictor.models.svc.cluster.local/v1/models/fraud-model:predict
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceGraph') return;
        for (const step of inferenceGraphSteps(object)) {
          const text = step.serviceUrl.str();
          const url = text === undefined ? undefined : parseServiceUrl(text);
          // Plain HTTP to a cluster address is what the router uses for a `serviceName` step too: not a finding on its own.
          if (!url || url.inCluster !== false || text === undefined) continue;
          const data = { name: object.name ?? '(unnamed)', node: step.nodeName, url: text };
          context.report({ messageId: url.scheme === 'http' ? 'externalPlaintextStep' : 'externalStep', data, at: step.serviceUrl });
        }
      },
    };
  },
});
