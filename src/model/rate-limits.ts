// "Does anything limit the request rate on this path?", from the scanned objects only: the entries that
// can (ingress controllers by annotation, Traefik / Kong / Gateway API policies, the OpenShift router,
// Envoy filters in an Istio mesh), read where each product documents them. IG-K8S-120 asks it of Ingresses
// and Gateway API routes, IG-GRAPH-013 of the other ways in.
import type { K8sObject, KubernetesModel } from './kubernetes.js';
import { findObject } from './references.js';
import type { Backend, ParentGateway } from './routes.js';
import { nginxCanaryMain } from './routes.js';
import { labelSelectorMatches, sameNamespace } from './selectors.js';
import type { Labels } from './selectors.js';

/** limited: a limit applies; none: nothing limits; unknown: a reference we cannot follow (never fires). */
export type RateLimit = 'limited' | 'none' | 'unknown';

export function combineLimits(verdicts: readonly RateLimit[]): RateLimit {
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

function annotationLimit(annotations: Readonly<Record<string, string>>, keys: readonly string[]): RateLimit {
  // ingress-nginx reads 0 as "no limit".
  return keys.some((key) => annotations[key] !== undefined && !['', '0'].includes(annotations[key].trim())) ? 'limited' : 'none';
}

function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** `<namespace>-<name>@kubernetescrd` → the Traefik Middleware; a chain is followed. */
function traefikLimit(model: KubernetesModel, reference: string, seen: Set<string>): RateLimit {
  if (!reference.endsWith('@kubernetescrd')) return 'unknown';
  const id = reference.slice(0, -'@kubernetescrd'.length);
  if (seen.has(id)) return 'none';
  seen.add(id);
  const middleware = model.byType('k8s:Middleware').find(
    (object) =>
      TRAEFIK_GROUPS.has(object.group) &&
      object.name !== undefined &&
      (object.namespace !== undefined ? id === `${object.namespace}-${object.name}` : id.endsWith(`-${object.name}`)),
  );
  if (!middleware) return 'unknown';
  const spec = middleware.root.get('spec');
  if (spec.get('rateLimit').exists || spec.get('inFlightReq').exists) return 'limited';
  const chain = spec.get('chain', 'middlewares').items();
  return combineLimits(
    chain.map((link) => {
      const name = link.get('name').str();
      if (name === undefined) return 'unknown';
      const namespace = link.get('namespace').str() ?? middleware.namespace ?? id.slice(0, id.length - (middleware.name as string).length - 1);
      return traefikLimit(model, `${namespace}-${name}@kubernetescrd`, seen);
    }),
  );
}

/** `konghq.com/plugins: a,b` → KongPlugin in the owner's namespace, or KongClusterPlugin. */
function kongLimit(model: KubernetesModel, owner: K8sObject, plugins: string | undefined): RateLimit {
  return combineLimits(
    commaList(plugins).map((name) => {
      const plugin = findObject(model, { kind: 'KongPlugin', groups: KONG_GROUP, namespace: owner.namespace, name, near: owner }) ?? model.byType('k8s:KongClusterPlugin').find((object) => KONG_GROUP.has(object.group) && object.name === name);
      if (!plugin) return 'unknown';
      const kind = plugin.root.get('plugin').str();
      if (kind === undefined) return 'unknown';
      return KONG_RATE_LIMIT_PLUGINS.has(kind) ? 'limited' : 'none';
    }),
  );
}

function backendServiceLimits(model: KubernetesModel, backends: readonly Backend[]): RateLimit[] {
  return backends
    .map((backend) => backend.target)
    .filter((target): target is K8sObject => target?.kind === 'Service')
    .flatMap((service) => [annotationLimit(service.annotations, SERVICE_LIMIT_ANNOTATIONS), kongLimit(model, service, service.annotations[KONG_PLUGINS])]);
}

/** Controller annotations, Traefik middlewares and Kong plugins; ingress-nginx reads its limits from `limitsFrom` (a canary's main Ingress). */
function annotationLimits(model: KubernetesModel, owner: K8sObject, annotations: Readonly<Record<string, string>>, limitsFrom = annotations): RateLimit[] {
  const seen = new Set<string>();
  return [
    annotationLimit(limitsFrom, LIMIT_ANNOTATIONS),
    ...commaList(annotations[TRAEFIK_MIDDLEWARES]).map((reference) => traefikLimit(model, reference, seen)),
    kongLimit(model, owner, annotations[KONG_PLUGINS]),
  ];
}

/**
 * The limits the annotations of an Ingress an operator creates from `owner` ask of its controller (a
 * NIMService's `expose`, a KServe RawDeployment InferenceService, whose annotations its Ingress takes).
 */
export function ingressAnnotationLimit(model: KubernetesModel, owner: K8sObject, annotations: Readonly<Record<string, string>>): RateLimit {
  return combineLimits(annotationLimits(model, owner, annotations));
}

/** An Ingress's limits, and those of the Services behind it. */
export function ingressLimit(model: KubernetesModel, ingress: K8sObject, backends: readonly Backend[]): RateLimit {
  // An ingress-nginx canary takes its main Ingress's rate limits.
  const main = nginxCanaryMain(model, ingress);
  return combineLimits([...annotationLimits(model, ingress, ingress.annotations, (main ?? ingress).annotations), ...backendServiceLimits(model, backends)]);
}

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);

/**
 * Gateway API rate limits are policy objects attached by `targetRef(s)` to the route or its
 * Gateway: Envoy Gateway `BackendTrafficPolicy` with `rateLimit`, Kuadrant `RateLimitPolicy`.
 * A policy that picks its targets by label (`targetSelectors`) cannot be followed: unknown. Without
 * `route` (an operator creates it, its name unknown), a policy on any route of `namespace` is unknown.
 */
export function routeLimit(model: KubernetesModel, route: K8sObject | undefined, parents: readonly ParentGateway[], backends: readonly Backend[], namespace: string | undefined = route?.namespace): RateLimit {
  const verdicts: RateLimit[] = [...(route ? [kongLimit(model, route, route.annotations[KONG_PLUGINS])] : []), ...backendServiceLimits(model, backends)];
  const inNamespace = (policy: K8sObject): boolean => (policy.namespace ?? '') === (namespace ?? '');
  for (const policy of [...model.byType('k8s:BackendTrafficPolicy'), ...model.byType('k8s:RateLimitPolicy')]) {
    const spec = policy.root.get('spec');
    const isRateLimit = (policy.kind === 'BackendTrafficPolicy' && policy.group === 'gateway.envoyproxy.io' && spec.get('rateLimit').exists) || (policy.kind === 'RateLimitPolicy' && policy.group === 'kuadrant.io');
    if (!isRateLimit) continue;
    if (spec.get('targetSelectors').exists && inNamespace(policy)) verdicts.push('unknown');
    const targets = [spec.get('targetRef'), ...spec.get('targetRefs').items()].filter((target) => target.isMap());
    for (const target of targets) {
      const kind = target.get('kind').str();
      const name = target.get('name').str();
      if (route && kind === route.kind && name === route.name && sameNamespace(policy, route)) verdicts.push('limited');
      if (!route && kind !== undefined && ROUTE_KINDS.has(kind) && inNamespace(policy)) verdicts.push('unknown');
      if (kind === 'Gateway' && parents.some((parent) => parent.name === name && (parent.namespace ?? '') === (policy.namespace ?? ''))) verdicts.push('limited');
    }
  }
  return combineLimits(verdicts);
}

const OPENSHIFT_RATE_LIMIT = 'haproxy.router.openshift.io/rate-limit-connections';
const OPENSHIFT_LIMITS = ['concurrent-tcp', 'rate-http', 'rate-tcp'].map((key) => `${OPENSHIFT_RATE_LIMIT}.${key}`);

/**
 * The OpenShift router's per-client limits on a Route: `rate-limit-connections: "true"` turns on the
 * stick tables, and `.concurrent-tcp`, `.rate-http` or `.rate-tcp` set a number for a source address
 * (OpenShift Container Platform, "Route-specific annotations"). A limit whose value cannot be read is unknown.
 */
export function openshiftRouteLimit(route: K8sObject): RateLimit {
  const enabled = route.annotations[OPENSHIFT_RATE_LIMIT]?.trim();
  if (enabled === undefined || !['true', 'TRUE'].includes(enabled)) return enabled === undefined || /^(false|FALSE)?$/.test(enabled) ? 'none' : 'unknown';
  const values = OPENSHIFT_LIMITS.map((key) => route.annotations[key]?.trim()).filter((value): value is string => value !== undefined);
  if (values.some((value) => /^\d+$/.test(value) && Number(value) > 0)) return 'limited';
  return values.some((value) => !/^\d+$/.test(value)) ? 'unknown' : 'none';
}

const ISTIO_GROUP = 'networking.istio.io';
/** Istio's root namespace by default: a policy there applies to the whole mesh. */
const ISTIO_ROOT = 'istio-system';
/** Envoy's local and global HTTP rate-limit filters, by name or type (`envoy.filters.http.local_ratelimit`, `…ratelimit.v3.RateLimit`). */
const ENVOY_RATE_LIMIT = /envoy\.filters\.http\.(local_)?ratelimit|filters\.http\.(local_)?ratelimit\.v3/;

/** Where Envoy sits on a path into model pods. */
export interface MeshTarget {
  readonly namespace: string | undefined;
  /** The pods' labels, as far as the scan shows them. */
  readonly labels: Labels;
  /** False when an operator adds labels the scan does not show (Knative, the NIM operator). */
  readonly labelsComplete: boolean;
  /** The path enters through an Istio ingress gateway (a VirtualService, Knative / KServe serverless routes). */
  readonly throughGateway: boolean;
  /** The `spec.selector` labels of the Istio Gateways it enters through, when they are scanned. */
  readonly gatewaySelectors: readonly Labels[];
}

/**
 * Envoy rate-limit filters patched in by an Istio EnvoyFilter (Istio's "Enabling Rate Limits using Envoy"):
 * limited when one applies to the pods' sidecars (its `workloadSelector` matches them, or it selects every
 * workload of their namespace or of the root namespace) or to the ingress gateway the path enters through (its
 * selector is part of the Gateway's). A filter the scan cannot place — on gateway pods whose labels and
 * namespace it does not show, on pods whose labels an operator writes, by `targetRefs` — is unknown.
 */
export function envoyFilterLimit(model: KubernetesModel, target: MeshTarget): RateLimit {
  const verdicts: RateLimit[] = [];
  // The pods of the scanned Istio Gateways: a filter selecting them is a gateway's, not the model pods'.
  const gateways = model.byType('k8s:Gateway').filter((gateway) => gateway.group === ISTIO_GROUP).map((gateway) => gateway.root.get('spec', 'selector').stringRecord()).filter((labels) => Object.keys(labels).length > 0);
  for (const filter of model.byType('k8s:EnvoyFilter')) {
    if (filter.group !== ISTIO_GROUP || !ENVOY_RATE_LIMIT.test(JSON.stringify(filter.root.get('spec', 'configPatches').value ?? null))) continue;
    const spec = filter.root.get('spec');
    if (spec.get('targetRefs').isWritten() || spec.get('targetRef').isWritten()) {
      verdicts.push('unknown');
      continue;
    }
    const selector = spec.get('workloadSelector', 'labels');
    const namespace = filter.namespace ?? '';
    const podScope = namespace === ISTIO_ROOT || namespace === (target.namespace ?? '');
    if (!selector.isWritten()) {
      if (podScope) verdicts.push('limited');
      else if (target.throughGateway) verdicts.push('unknown');
      continue;
    }
    if (podScope) {
      if (labelSelectorMatches(selector, target.labels)) verdicts.push('limited');
      else if (!target.labelsComplete && !gateways.some((labels) => labelSelectorMatches(selector, labels))) verdicts.push('unknown');
    }
    if (!target.throughGateway) continue;
    verdicts.push(target.gatewaySelectors.some((labels) => labelSelectorMatches(selector, labels)) ? 'limited' : 'unknown');
  }
  return combineLimits(verdicts);
}
