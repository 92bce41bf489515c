import { modelServerFacts } from '../../model/ml/model-server.js';
import { OLLAMA_BIND } from '../../model/ml/ollama.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import { defineRule } from '../define-rule.js';

export const ollamaApiExposedWithoutAuth = defineRule({
  meta: {
    id: 'IG-ML-036',
    name: 'ollama-api-exposed-without-auth',
    title: 'Ollama API reachable beyond the pod without auth',
    severity: 'critical',
    rationale:
      "Ollama has no authentication at all: every endpoint of its API on port 11434 answers whoever connects. Besides running models at your cost (`/api/generate`, `/api/chat`), a caller can pull any model from any registry into your cluster (`/api/pull`), build models from uploaded blobs (`/api/create`, the path of the GGUF memory-disclosure CVE-2026-7482), push your models and their system prompts to a registry of theirs (`/api/push`), and delete or overwrite them (`/api/delete`, `/api/copy`). Internet scans keep finding tens of thousands of such servers. Critical when a load balancer, Ingress, Gateway or Route puts the API on the internet; high when it is reachable from other namespaces or the node network (NodePort, hostPort, an internal load balancer).",
    remediation:
      "Keep the Ollama Service `ClusterIP` (or bind `OLLAMA_HOST=127.0.0.1:11434` behind a proxy sidecar), and publish it only through an authenticating front: an Ingress with `nginx.ingress.kubernetes.io/auth-url` (oauth2-proxy) or `auth-type: basic`, a Traefik `forwardAuth` Middleware, an Envoy Gateway SecurityPolicy, or an Istio AuthorizationPolicy requiring a request principal on the Ollama pods. Block `/api/pull`, `/api/push`, `/api/create`, `/api/delete` and `/api/copy` for ordinary clients at that front.",
    references: [
      'https://github.com/ollama/ollama/blob/main/docs/faq.md#how-do-i-configure-ollama-server',
      'https://github.com/ollama/ollama/blob/main/envconfig/config.go',
      'https://github.com/ollama/ollama/blob/main/Dockerfile',
      'https://github.com/advisories/GHSA-f6mr-38g8-39rg',
    ],
    mappings: { stride: ['S', 'T', 'I'], atlas: ['AML.T0049', 'AML.T0040', 'AML.T0024.002'], owasp: ['LLM10', 'LLM03'], nist: ['AC-3', 'SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      exposedToInternet:
        "Container '{{container}}' serves Ollama's API on port {{port}} ({{bind}}), reachable from the internet through {{hop}}, and no authentication is recognised in front of it: anyone can run, pull, create, push and delete models.",
      exposed:
        "Container '{{container}}' serves Ollama's API on port {{port}} ({{bind}}), reachable from outside its namespace through {{hop}}, and no authentication is recognised in front of it: any client there can run, pull, create, push and delete models.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ollama, namespace: llm }
spec:
  selector: { matchLabels: { app: ollama } }
  template:
    metadata: { labels: { app: ollama } }
    spec:
      containers:
        - name: ollama
          image: ollama/ollama:0.17.1
          ports: [{ name: http, containerPort: 11434 }]
---
apiVersion: v1
kind: Service
metadata: { name: ollama, namespace: llm }
spec:
  type: LoadBalancer
  selector: { app: ollama }
  ports: [{ port: 11434, targetPort: http }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ollama, namespace: llm }
spec:
  selector: { matchLabels: { app: ollama } }
  template:
    metadata: { labels: { app: ollama } }
    spec:
      containers:
        - name: ollama
          image: ollama/ollama:0.17.1
          ports: [{ name: http, containerPort: 11434 }]
---
apiVersion: v1
kind: Service
metadata: { name: ollama, namespace: llm }
spec:
  type: ClusterIP
  selector: { app: ollama }
  ports: [{ port: 11434, targetPort: http }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'ollama') return;
        // KServe's own route to an InferenceService is IG-ML-060's.
        for (const { port, at, open, internetFacing } of unauthenticatedServerPorts(model, server, ['inference'], { bind: OLLAMA_BIND, skip: ['kserve'] })) {
          const host = server.setting(OLLAMA_BIND.query);
          const bind = host ? `${host.description}: ${typeof host.value === 'string' ? host.value : ''}` : server.evidence.includes('image') ? 'the official image sets OLLAMA_HOST=0.0.0.0:11434' : 'OLLAMA_HOST left to the image';
          const data = { container: container.name || '(unnamed)', port: port.number, bind, hop: open[0]?.hops[0]?.description ?? 'an exposure path' };
          context.report({ messageId: internetFacing ? 'exposedToInternet' : 'exposed', data, at, severity: internetFacing ? 'critical' : 'high', related: hopsOf(open) });
        }
      },
    };
  },
});
