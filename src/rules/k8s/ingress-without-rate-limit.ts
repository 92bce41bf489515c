import type { Severity } from '../../findings/finding.js';
import { isInternalGateway, isInternalIngress } from '../../model/exposure.js';
import type { ContainerRef, K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import type { ModelServerKind } from '../../model/model-servers.js';
import { modelServerOf } from '../../model/model-servers.js';
import { findObject } from '../../model/references.js';
import type { Backend, ParentGateway } from '../../model/routes.js';
import { ingressBackends, isIngress, isRoute, nginxCanaryMain, parentGateways, routeBackends } from '../../model/routes.js';
import { sameNamespace } from '../../model/selectors.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** limited: a limit applies; none: nothing limits; unknown: a reference we cannot follow (never fires). */
type Limit = 'limited' | 'none' | 'unknown';

function combine(verdicts: readonly Limit[]): Limit {
  if (verdicts.includes('limited')) return 'limited';
  return verdicts.includes('unknown') ? 'unknown' : 'none';
}

/** Request-rate / connection limits set by annotation on the Ingress (`limit-rate` is bandwidth, not requests). */
const LIMIT_ANNOTATIONS = [
  'nginx.ingress.kubernetes.io/limit-rps',
  'nginx.ingress.kubernetes.io/limit-rpm',
  'nginx.ingress.kubernetes.io/limit-connections',
  'nginx.ingress.kubernetes.io/global-rate-limit',
  'nginx.org/limit-req-rate',
  'haproxy.org/rate-limit-requests',
];
/** HAProxy reads its annotations on the backend Service too. */
const SERVICE_LIMIT_ANNOTATIONS = ['haproxy.org/rate-limit-requests'];
const TRAEFIK_MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';
const TRAEFIK_GROUPS = new Set(['traefik.io', 'traefik.containo.us']);
const KONG_PLUGINS = 'konghq.com/plugins';
const KONG_GROUP = new Set(['configuration.konghq.com']);
const KONG_RATE_LIMIT_PLUGINS = new Set(['rate-limiting', 'rate-limiting-advanced', 'ai-rate-limiting-advanced']);

function annotationLimit(annotations: Readonly<Record<string, string>>, keys: readonly string[]): Limit {
  // ingress-nginx reads 0 as "no limit".
  return keys.some((key) => annotations[key] !== undefined && !['', '0'].includes(annotations[key].trim())) ? 'limited' : 'none';
}

function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** `<namespace>-<name>@kubernetescrd` → the Traefik Middleware; a chain is followed. */
function traefikLimit(model: KubernetesModel, reference: string, seen: Set<string>): Limit {
  if (!reference.endsWith('@kubernetescrd')) return 'unknown';
  const id = reference.slice(0, -'@kubernetescrd'.length);
  if (seen.has(id)) return 'none';
  seen.add(id);
  const middleware = model.objects.find(
    (object) =>
      object.kind === 'Middleware' &&
      TRAEFIK_GROUPS.has(object.group) &&
      object.name !== undefined &&
      (object.namespace !== undefined ? id === `${object.namespace}-${object.name}` : id.endsWith(`-${object.name}`)),
  );
  if (!middleware) return 'unknown';
  const spec = middleware.root.get('spec');
  if (spec.get('rateLimit').exists || spec.get('inFlightReq').exists) return 'limited';
  const chain = spec.get('chain', 'middlewares').items();
  return combine(
    chain.map((link) => {
      const name = link.get('name').str();
      if (name === undefined) return 'unknown';
      const namespace = link.get('namespace').str() ?? middleware.namespace ?? id.slice(0, id.length - (middleware.name as string).length - 1);
      return traefikLimit(model, `${namespace}-${name}@kubernetescrd`, seen);
    }),
  );
}

/** `konghq.com/plugins: a,b` → KongPlugin in the owner's namespace, or KongClusterPlugin. */
function kongLimit(model: KubernetesModel, owner: K8sObject): Limit {
  return combine(
    commaList(owner.annotations[KONG_PLUGINS]).map((name) => {
      const plugin = findObject(model, { kind: 'KongPlugin', groups: KONG_GROUP, namespace: owner.namespace, name, near: owner }) ?? model.objects.find((object) => object.kind === 'KongClusterPlugin' && KONG_GROUP.has(object.group) && object.name === name);
      if (!plugin) return 'unknown';
      const kind = plugin.root.get('plugin').str();
      if (kind === undefined) return 'unknown';
      return KONG_RATE_LIMIT_PLUGINS.has(kind) ? 'limited' : 'none';
    }),
  );
}

function backendServiceLimits(model: KubernetesModel, backends: readonly Backend[]): Limit[] {
  return backends
    .map((backend) => backend.target)
    .filter((target): target is K8sObject => target?.kind === 'Service')
    .flatMap((service) => [annotationLimit(service.annotations, SERVICE_LIMIT_ANNOTATIONS), kongLimit(model, service)]);
}

function ingressLimit(model: KubernetesModel, ingress: K8sObject, backends: readonly Backend[]): Limit {
  const seen = new Set<string>();
  // An ingress-nginx canary takes its main Ingress's rate limits.
  const main = nginxCanaryMain(model, ingress);
  return combine([
    annotationLimit((main ?? ingress).annotations, LIMIT_ANNOTATIONS),
    ...commaList(ingress.annotations[TRAEFIK_MIDDLEWARES]).map((reference) => traefikLimit(model, reference, seen)),
    kongLimit(model, ingress),
    ...backendServiceLimits(model, backends),
  ]);
}

/**
 * Gateway API rate limits are policy objects attached by `targetRef(s)` to the route or its
 * Gateway: Envoy Gateway `BackendTrafficPolicy` with `rateLimit`, Kuadrant `RateLimitPolicy`.
 * A policy that picks its targets by label (`targetSelectors`) cannot be followed: unknown.
 */
function routeLimit(model: KubernetesModel, route: K8sObject, parents: readonly ParentGateway[], backends: readonly Backend[]): Limit {
  const verdicts: Limit[] = [kongLimit(model, route), ...backendServiceLimits(model, backends)];
  for (const policy of model.objects) {
    const spec = policy.root.get('spec');
    const isRateLimit = (policy.kind === 'BackendTrafficPolicy' && policy.group === 'gateway.envoyproxy.io' && spec.get('rateLimit').exists) || (policy.kind === 'RateLimitPolicy' && policy.group === 'kuadrant.io');
    if (!isRateLimit) continue;
    if (spec.get('targetSelectors').exists && sameNamespace(policy, route)) verdicts.push('unknown');
    const targets = [spec.get('targetRef'), ...spec.get('targetRefs').items()].filter((target) => target.isMap());
    for (const target of targets) {
      const kind = target.get('kind').str();
      const name = target.get('name').str();
      if (kind === route.kind && name === route.name && sameNamespace(policy, route)) verdicts.push('limited');
      if (kind === 'Gateway' && parents.some((parent) => parent.name === name && (parent.namespace ?? '') === (policy.namespace ?? ''))) verdicts.push('limited');
    }
  }
  return combine(verdicts);
}

const LLM_SERVERS: ReadonlySet<ModelServerKind> = new Set(['vllm', 'tgi', 'ollama', 'nim']);

interface ServedModel {
  readonly backend: Backend;
  readonly container: ContainerRef;
  readonly server: ModelServerKind;
}

/** The first model server behind the backends, an LLM server first: it decides the severity. */
function servedModel(backends: readonly Backend[]): ServedModel | undefined {
  const served: ServedModel[] = [];
  for (const backend of backends) {
    for (const workload of backend.workloads) {
      for (const container of workload.containers) {
        const server = modelServerOf(container);
        if (server !== undefined) served.push({ backend, container, server });
      }
    }
  }
  return served.find((candidate) => LLM_SERVERS.has(candidate.server)) ?? served[0];
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
    const severityOf = (served: ServedModel): Severity => (LLM_SERVERS.has(served.server) ? 'high' : ingressWithoutRateLimit.meta.severity);
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
