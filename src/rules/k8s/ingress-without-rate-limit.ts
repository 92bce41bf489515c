import type { Severity } from '../../findings/finding.js';
import { isInternalGateway, isInternalIngress } from '../../model/exposure.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import { isLlmServer } from '../../model/ml/llm-servers.js';
import type { ModelServerKind } from '../../model/model-servers.js';
import { modelServerOf } from '../../model/model-servers.js';
import { ingressLimit, routeLimit } from '../../model/rate-limits.js';
import type { Backend } from '../../model/routes.js';
import { ingressBackends, isIngress, isRoute, parentGateways, routeBackends } from '../../model/routes.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

interface ServedModel {
  readonly backend: Backend;
  readonly container: ContainerRef;
  readonly server: ModelServerKind;
  readonly llm: boolean;
}

/** The first model server behind the backends, an LLM server first: it decides the severity. */
function servedModel(backends: readonly Backend[]): ServedModel | undefined {
  const served: ServedModel[] = [];
  for (const backend of backends) {
    for (const workload of backend.workloads) {
      for (const container of workload.containers) {
        const server = modelServerOf(container);
        if (server !== undefined) served.push({ backend, container, server, llm: isLlmServer(container) });
      }
    }
  }
  return served.find((candidate) => candidate.llm) ?? served[0];
}

export const ingressWithoutRateLimit = defineRule({
  meta: {
    id: 'IG-K8S-120',
    name: 'ingress-without-rate-limit',
    title: 'Public model endpoint without a rate limit',
    severity: 'medium',
    rationale:
      'Every inference request costs GPU time, and an LLM request can cost seconds of it: vLLM, TGI, Ollama and NIM have no per-client limits by default. Without a limit at the edge, one client can run up the bill (cost harvesting), starve every other user (denial of AI service) or query the model fast enough to extract it. The edge is the only place that sees the client address before the request reaches a GPU.',
    remediation:
      'Add a per-client limit at the edge: ingress-nginx `nginx.ingress.kubernetes.io/limit-rps` / `limit-rpm` / `limit-connections`, a Traefik `rateLimit` Middleware, a Kong `rate-limiting` plugin, HAProxy `haproxy.org/rate-limit-requests`, or an Envoy Gateway `BackendTrafficPolicy` with `rateLimit` on the route. For LLMs, also cap concurrency and tokens on the server (vLLM `--max-num-seqs`, TGI `--max-concurrent-requests`).',
    references: [
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#rate-limiting',
      'https://doc.traefik.io/traefik/middlewares/http/ratelimit/',
      'https://gateway.envoyproxy.io/docs/tasks/traffic/global-rate-limit/',
      'https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/',
      'https://atlas.mitre.org/techniques/AML.T0034',
    ],
    mappings: { stride: ['D'], atlas: ['AML.T0029', 'AML.T0034'], owasp: ['LLM10'], nist: ['SC-5'] },
    targets: ['k8s:Ingress', 'k8s:HTTPRoute', 'k8s:GRPCRoute'],
    fix: 'none',
    messages: {
      ingressNoRateLimit: "Ingress '{{name}}' routes internet traffic to model server '{{server}}' (Service '{{service}}') with no rate limit.",
      routeNoRateLimit: "{{kind}} '{{name}}' routes traffic from Gateway '{{gateway}}' to model server '{{server}}' ({{backend}}) with no rate limit.",
    },
    examples: {
      bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: llm, namespace: serving }
spec:
  ingressClassName: nginx
  rules:
    - host: llm.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: vllm, port: { number: 8000 } }
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: serving }
spec:
  selector: { app: vllm }
  ports:
    - { port: 8000 }
---
apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving, labels: { app: vllm } }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
`,
      good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: llm
  namespace: serving
  annotations:
    nginx.ingress.kubernetes.io/limit-rps: "5"
spec:
  ingressClassName: nginx
  rules:
    - host: llm.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: vllm, port: { number: 8000 } }
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: serving }
spec:
  selector: { app: vllm }
  ports:
    - { port: 8000 }
---
apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving, labels: { app: vllm } }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
`,
    },
  },
  create(context) {
    const { model } = context;
    const severityOf = (served: ServedModel): Severity => (served.llm ? 'high' : ingressWithoutRateLimit.meta.severity);
    const relatedOf = (served: ServedModel): RelatedHop[] => [
      ...(served.backend.target ? [{ at: served.backend.target, message: `${served.backend.target.kind} '${served.backend.target.name ?? '(unnamed)'}'` }] : []),
      { at: served.container.node, message: `${served.container.workload.object.kind} '${served.container.workload.object.name ?? '(unnamed)'}' runs ${served.server}` },
    ];
    return {
      object(object) {
        if (isIngress(object)) {
          if (isInternalIngress(model, object)) return;
          const backends = ingressBackends(model, object);
          const served = servedModel(backends);
          if (!served || ingressLimit(model, object, backends) !== 'none') return;
          context.report({
            messageId: 'ingressNoRateLimit',
            data: { name: object.name ?? '(unnamed)', server: served.server, service: served.backend.at.str() as string },
            at: served.backend.at,
            severity: severityOf(served),
            related: relatedOf(served),
          });
          return;
        }
        if (!isRoute(object)) return;
        // A route without a Gateway parent is mesh-internal (GAMMA); one whose Gateway is not scanned is taken as public.
        const parents = parentGateways(model, object);
        const publicParent = parents.find((parent) => !parent.object || !isInternalGateway(parent.object));
        if (!publicParent) return;
        const backends = routeBackends(model, object);
        const served = servedModel(backends);
        if (!served || routeLimit(model, object, parents, backends) !== 'none') return;
        const target = served.backend.target;
        context.report({
          messageId: 'routeNoRateLimit',
          data: {
            kind: object.kind,
            name: object.name ?? '(unnamed)',
            gateway: publicParent.name,
            server: served.server,
            backend: `${target?.kind ?? 'Service'} '${served.backend.at.str() as string}'`,
          },
          at: served.backend.at,
          severity: severityOf(served),
          related: relatedOf(served),
        });
      },
    };
  },
});
