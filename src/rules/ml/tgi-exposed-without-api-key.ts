import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import { defineRule } from '../define-rule.js';

export const tgiExposedWithoutApiKey = defineRule({
  meta: {
    id: 'IG-ML-032',
    name: 'tgi-exposed-without-api-key',
    title: 'TGI served without an API key',
    severity: 'high',
    rationale:
      "Text Generation Inference authenticates nobody unless the launcher is given `--api-key` (`API_KEY`): then the router requires `Authorization: Bearer <key>` on its generation routes. Without a key, and with no authenticating proxy or gateway in front, anyone who reaches a Service, Ingress or route to the TGI port generates text on your GPUs: free inference at your cost, denial of service by filling the batch (`--max-concurrent-requests` only queues it), and prompt injection against whatever the model was given.",
    remediation:
      'Set `API_KEY` from a Secret (`valueFrom.secretKeyRef`) and give the key to the clients, or put an authenticating gateway in front of the route (OIDC / JWT at the Ingress or Gateway, an Istio `AuthorizationPolicy` requiring a request principal). Keep the TGI Service `ClusterIP` when only in-cluster callers need it.',
    references: ['https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md', 'https://istio.io/latest/docs/reference/config/security/authorization-policy/'],
    mappings: { stride: ['S', 'D'], atlas: ['AML.T0040', 'AML.T0034'], owasp: ['LLM10'], nist: ['IA-9', 'AC-3'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:Ingress', 'k8s:HTTPRoute'],
    fix: 'none',
    messages: {
      noApiKey:
        "Container '{{container}}' (Hugging Face Text Generation Inference) has no API key (neither --api-key nor API_KEY) and port {{port}} is reachable from outside the namespace ({{hop}}) with no authentication in front: anyone who reaches it can generate.",
      emptyApiKey:
        "Container '{{container}}' (Hugging Face Text Generation Inference) sets {{setting}} to an empty value and port {{port}} is reachable from outside the namespace ({{hop}}) with no authentication in front: anyone who reaches it can generate.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: tgi, namespace: llm }
spec:
  selector: { matchLabels: { app: tgi } }
  template:
    metadata: { labels: { app: tgi } }
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:3.3.4
          args: ["--model-id", "/data/llama"]
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: tgi, namespace: llm }
spec:
  type: LoadBalancer
  selector: { app: tgi }
  ports: [{ port: 80 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: tgi, namespace: llm }
spec:
  selector: { matchLabels: { app: tgi } }
  template:
    metadata: { labels: { app: tgi } }
    spec:
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:3.3.4
          args: ["--model-id", "/data/llama"]
          env:
            - name: API_KEY
              valueFrom: { secretKeyRef: { name: tgi-api-key, key: key } }
          ports: [{ containerPort: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: tgi, namespace: llm }
spec:
  type: LoadBalancer
  selector: { app: tgi }
  ports: [{ port: 80 }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'tgi') return;
        // Any key, including one from a Secret or a ConfigMap outside the scan, is a key; only an empty literal is none.
        const key = server.setting({ flags: ['--api-key'], env: ['API_KEY'] });
        if (key && key.value !== '') return;
        // `--hostname` / `HOSTNAME` (default 0.0.0.0): a loopback address keeps the router inside the pod.
        // KServe's own route to an InferenceService is IG-ML-060's.
        const bind = { query: { flags: ['--hostname'], env: ['HOSTNAME'] }, defaultHost: '0.0.0.0' };
        for (const { port, at, open } of unauthenticatedServerPorts(model, server, ['inference'], { bind, skip: ['kserve', 'knative'] })) {
          const data = { container: container.name || '(unnamed)', port: port.number, hop: open[0]?.hops[0]?.description ?? 'an exposure path' };
          if (key) context.report({ messageId: 'emptyApiKey', data: { ...data, setting: key.source === 'env' ? key.description : key.name }, at: key.node, related: [{ at, message: `port ${port.number}` }, ...hopsOf(open)] });
          else context.report({ messageId: 'noApiKey', data, at, related: hopsOf(open) });
        }
      },
    };
  },
});
