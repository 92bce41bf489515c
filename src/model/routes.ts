import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { findObject } from './references.js';
import { workloadsMatching, workloadsSelectedBy } from './selectors.js';
import type { Node } from './value.js';

/** Where a route sends traffic: the name that points at a Service or InferencePool, and the pods behind it. */
export interface Backend {
  readonly at: Node;
  /** The Service or InferencePool, when it is in the scanned set. */
  readonly target: K8sObject | undefined;
  readonly workloads: readonly Workload[];
}

const INGRESS_GROUPS = new Set(['networking.k8s.io', 'extensions']);
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const GATEWAY_GROUPS = new Set([GATEWAY_API_GROUP]);
const CORE_GROUP = new Set(['']);
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute']);
const INFERENCE_POOL_GROUPS = new Set(['inference.networking.k8s.io', 'inference.networking.x-k8s.io']);

/** An Ingress of `networking.k8s.io` or the older `extensions` group. */
export function isIngress(object: K8sObject): boolean {
  return object.kind === 'Ingress' && INGRESS_GROUPS.has(object.group);
}

/** A Gateway API HTTPRoute or GRPCRoute. */
export function isRoute(object: K8sObject): boolean {
  return ROUTE_KINDS.has(object.kind) && object.group === GATEWAY_API_GROUP;
}

function serviceBackend(model: KubernetesModel, at: Node, namespace: string | undefined, near: K8sObject): Backend {
  const service = findObject(model, { kind: 'Service', groups: CORE_GROUP, namespace, name: at.str() as string, near });
  return { at, target: service, workloads: service ? workloadsSelectedBy(model, service) : [] };
}

/** `spec.defaultBackend`, and every path's backend; `serviceName` is the pre-v1 spelling. */
export function ingressBackends(model: KubernetesModel, ingress: K8sObject): Backend[] {
  const spec = ingress.root.get('spec');
  const backends = [
    spec.get('defaultBackend'),
    spec.get('backend'),
    ...spec.get('rules').items().flatMap((rule) => rule.get('http', 'paths').items().map((path) => path.get('backend'))),
  ];
  return backends
    .map((backend) => (backend.get('service', 'name').exists ? backend.get('service', 'name') : backend.get('serviceName')))
    .filter((name) => name.str() !== undefined)
    .map((name) => serviceBackend(model, name, ingress.namespace, ingress));
}

/** `rules[].backendRefs[]` of an HTTPRoute / GRPCRoute: Services, and the InferencePools of the Gateway API inference extension. */
export function routeBackends(model: KubernetesModel, route: K8sObject): Backend[] {
  const backends: Backend[] = [];
  for (const rule of route.root.get('spec', 'rules').items()) {
    for (const ref of rule.get('backendRefs').items()) {
      const name = ref.get('name');
      if (name.str() === undefined) continue;
      const group = ref.get('group').str() ?? '';
      const kind = ref.get('kind').str() ?? 'Service';
      const namespace = ref.get('namespace').str() ?? route.namespace;
      if (group === '' && kind === 'Service') backends.push(serviceBackend(model, name, namespace, route));
      if (kind === 'InferencePool' && INFERENCE_POOL_GROUPS.has(group)) {
        const pool = findObject(model, { kind: 'InferencePool', groups: INFERENCE_POOL_GROUPS, namespace, name: name.str() as string, near: route });
        backends.push({ at: name, target: pool, workloads: pool ? workloadsMatching(model, pool, pool.root.get('spec', 'selector')) : [] });
      }
    }
  }
  return backends;
}

/** A Gateway a route names in `parentRefs`. */
export interface ParentGateway {
  readonly name: string;
  readonly namespace: string | undefined;
  /** The Gateway, when it is in the scanned set. */
  readonly object: K8sObject | undefined;
}

/** The Gateways a route attaches to (`parentRefs` of kind Gateway). */
export function parentGateways(model: KubernetesModel, route: K8sObject): ParentGateway[] {
  const parents: ParentGateway[] = [];
  for (const ref of route.root.get('spec', 'parentRefs').items()) {
    const name = ref.get('name').str();
    if (name === undefined || (ref.get('kind').str() ?? 'Gateway') !== 'Gateway' || (ref.get('group').str() ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP) continue;
    const namespace = ref.get('namespace').str() ?? route.namespace;
    parents.push({ name, namespace, object: findObject(model, { kind: 'Gateway', groups: GATEWAY_GROUPS, namespace, name, near: route }) });
  }
  return parents;
}

/** The routes attached to a Gateway, in the scanned set. */
export function routesOf(model: KubernetesModel, gateway: K8sObject): K8sObject[] {
  return model.objects.filter((object) => isRoute(object) && parentGateways(model, object).some((parent) => parent.object === gateway));
}

const NGINX_CANARY = 'nginx.ingress.kubernetes.io/canary';

/**
 * The main Ingress an ingress-nginx canary Ingress splits traffic with: same namespace, a host in common, not
 * itself a canary. ingress-nginx ignores a canary's other annotations and applies the main Ingress's instead
 * (authentication, rate limits, …), except load balancing and session affinity
 * (kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#canary).
 */
export function nginxCanaryMain(model: KubernetesModel, ingress: K8sObject): K8sObject | undefined {
  if (ingress.root.get('metadata', 'annotations', NGINX_CANARY).str() !== 'true') return undefined;
  const hosts = new Set(ingress.root.get('spec', 'rules').items().map((rule) => rule.get('host').str() ?? ''));
  return model.objects.find(
    (candidate) =>
      candidate !== ingress &&
      isIngress(candidate) &&
      candidate.namespace === ingress.namespace &&
      candidate.root.get('metadata', 'annotations', NGINX_CANARY).str() !== 'true' &&
      candidate.root.get('spec', 'rules').items().some((rule) => hosts.has(rule.get('host').str() ?? '')),
  );
}
