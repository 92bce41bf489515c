import { inferenceServicePodLabels } from './adapt/crds/kserve.js';
import type { IsvcComponentName } from './adapt/crds/kserve.js';
import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { meshMarkerOf } from './mesh.js';
import type { ExposurePath, PortExposure } from './port-exposure.js';
import { findObject } from './references.js';
import { nginxCanaryMain, parentGateways } from './routes.js';
import type { ParentGateway } from './routes.js';
import { labelSelectorMatches, podLabelsOf } from './selectors.js';
import type { Labels } from './selectors.js';
import type { Node, UnknownRead } from './value.js';
import { collectingUnknownReads, recordUnknownRead, replayUnknownReads } from './value.js';

// "Is there authentication in front of this exposure?", from the scanned objects only.
//
// What is recognised, and where each product documents it:
// - Istio AuthorizationPolicy on the pods (https://istio.io/latest/docs/reference/config/security/authorization-policy/):
//   every path into the pods goes through their sidecar. A RequestAuthentication alone is not
//   authentication: "A request that does not contain any authentication credentials will be accepted
//   but will not have any authenticated identity. To restrict access to authenticated requests only,
//   this should be accompanied by an authorization rule"
//   (https://istio.io/latest/docs/reference/config/security/request_authentication/). So only the
//   AuthorizationPolicy counts, and a RequestAuthentication never does on its own.
// - ingress-nginx annotations on the Ingress (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/):
//   `auth-url` (external auth), `auth-type: basic|digest` with `auth-secret`, and client certificates
//   (`auth-tls-verify-client: on` with `auth-tls-secret`; the controller ignores the TLS auth annotations without the secret).
// - Traefik `traefik.ingress.kubernetes.io/router.middlewares` naming `<namespace>-<name>@kubernetescrd`
//   Middlewares (https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/ingress/) with
//   `forwardAuth`, `basicAuth` or `digestAuth` (https://doc.traefik.io/traefik/middlewares/http/basicauth/).
// - AWS Load Balancer Controller `alb.ingress.kubernetes.io/auth-type: cognito|oidc`, unless
//   `auth-on-unauthenticated-request: allow` lets anonymous requests through
//   (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#authentication).
// - Envoy Gateway SecurityPolicy (https://gateway.envoyproxy.io/docs/concepts/gateway_api_extensions/security-policy/)
//   with `jwt`, `oidc`, `basicAuth`, `apiKeyAuth` or `extAuth`, attached (`targetRef`, `targetRefs`,
//   `targetSelectors`, in the target's namespace) to the HTTPRoute or its Gateway; a `jwt` marked `optional`
//   lets requests without a token through (api/v1alpha1/jwt_types.go in envoyproxy/gateway).
// - Kong `konghq.com/plugins` on the Ingress, the route or the Service, naming a KongPlugin (same namespace) /
//   KongClusterPlugin whose `plugin` is an authentication plugin
//   (https://developer.konghq.com/kubernetes-ingress-controller/get-started/key-authentication).
// - OpenShift AI / ODH: `security.opendatahub.io/enable-auth: "true"` on the InferenceService puts
//   Authorino token checks on its external route (IG-ML-061's source: Red Hat OpenShift AI "Making
//   inference requests to models deployed on the single-model serving platform").
//
// A sidecar auth proxy (oauth-proxy, kube-rbac-proxy) is deliberately not recognised here: a Service
// that targets the model server's own port bypasses the proxy, and when traffic goes to the proxy's
// port, the server's port is not the one exposed (exposure of the server's port has no path then).
//
// Not recognised yet: GKE IAP (BackendConfig `iap.enabled`, GCPBackendPolicy), Kong plugins labelled
// `global: "true"`, Istio policies on a gateway outside the root namespace.
//
// A reference to something not in the scanned set (a Traefik Middleware, a KongPlugin) is
// not evidence either way: it is taken as authentication (the rule stays silent) and recorded as an
// unknown read, so strict mode lists it.

export type AuthControlKind = 'istio-policy' | 'ingress-auth' | 'gateway-policy' | 'route-auth';

export interface AuthControl {
  readonly kind: AuthControlKind;
  /** The object that holds the control (the policy, the Ingress, the Middleware). */
  readonly object: K8sObject;
  /** The located value that makes it (the policy's spec, the annotation). */
  readonly at: Node;
  /** Short and human, e.g. "AuthorizationPolicy models/require-jwt (ALLOW) on the pods". */
  readonly description: string;
  /** False when the control is a reference to an object outside the scanned set, taken as authentication unseen. */
  readonly resolved: boolean;
}

const ISTIO_SECURITY_GROUP = 'security.istio.io';
/** Istio's root namespace by default: a policy there applies to the whole mesh. */
const ISTIO_ROOT = 'istio-system';
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const ENVOY_GATEWAY_GROUP = 'gateway.envoyproxy.io';
const ENVOY_AUTH_FIELDS = ['jwt', 'oidc', 'basicAuth', 'apiKeyAuth', 'extAuth'] as const;
const TRAEFIK_GROUPS = new Set(['traefik.io', 'traefik.containo.us']);
const TRAEFIK_AUTH_FIELDS = ['forwardAuth', 'basicAuth', 'digestAuth'] as const;
const TRAEFIK_MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';
const NGINX = 'nginx.ingress.kubernetes.io/';
const ALB = 'alb.ingress.kubernetes.io/';
const KONG_PLUGINS = 'konghq.com/plugins';
const KONG_GROUP = new Set(['configuration.konghq.com']);
/** Kong's bundled authentication plugins (https://docs.konghq.com/hub/?category=authentication). */
const KONG_AUTH_PLUGINS = new Set(['basic-auth', 'key-auth', 'key-auth-enc', 'jwt', 'oauth2', 'openid-connect', 'hmac-auth', 'ldap-auth', 'ldap-auth-advanced', 'mtls-auth', 'oauth2-introspection', 'jwt-signer', 'vault-auth']);
const ODH_AUTH = 'security.opendatahub.io/enable-auth';
const ISVC_COMPONENTS = new Set<string>(['predictor', 'transformer', 'explainer']);
/** Paths that reach the pods through the Istio ingress gateway (Knative's and KServe's default networking, Istio routes). */
const THROUGH_ISTIO_GATEWAY = new Set(['kserve', 'knative', 'virtual-service']);

interface Index {
  readonly authorizationPolicies: readonly K8sObject[];
  readonly securityPolicies: readonly K8sObject[];
}

const indexes = new WeakMap<KubernetesModel, Index>();
const results = new WeakMap<Workload, Map<ExposurePath, { value: AuthControl | undefined; reads: readonly UnknownRead[] }>>();

/** The authentication that applies to traffic arriving over this exposure path, if any is recognised in the scanned set. */
export function authOnPath(model: KubernetesModel, workload: Workload, path: ExposurePath): AuthControl | undefined {
  let cache = results.get(workload);
  if (!cache) results.set(workload, (cache = new Map()));
  const cached = cache.get(path);
  if (cached) {
    replayUnknownReads(cached.reads);
    return cached.value;
  }
  const computed = collectingUnknownReads(() => compute(model, indexOf(model), workload, path));
  cache.set(path, computed);
  return computed.value;
}

/** The exposed paths of a port exposure (path.exposed) that no recognised authentication guards. */
export function unauthenticatedPaths(model: KubernetesModel, workload: Workload, exposure: PortExposure): ExposurePath[] {
  return exposure.paths.filter((path) => path.exposed && authOnPath(model, workload, path) === undefined);
}

function indexOf(model: KubernetesModel): Index {
  let index = indexes.get(model);
  if (!index) {
    index = {
      authorizationPolicies: model.byType('k8s:AuthorizationPolicy').filter((object) => object.group === ISTIO_SECURITY_GROUP),
      securityPolicies: model.byType('k8s:SecurityPolicy').filter((object) => object.group === ENVOY_GATEWAY_GROUP),
    };
    indexes.set(model, index);
  }
  return index;
}

function display(object: K8sObject): string {
  const name = object.name ?? '(unnamed)';
  return object.namespace ? `${object.namespace}/${name}` : name;
}

function compute(model: KubernetesModel, index: Index, workload: Workload, path: ExposurePath): AuthControl | undefined {
  const outer = path.hops[0];
  const front = outer?.object;
  const service = path.hops.find((hop) => hop.object.kind === 'Service' && hop.object.group === '')?.object;
  if (path.kind === 'kserve' && front) {
    const odh = odhAuth(front);
    if (odh) return odh;
  }
  if (path.kind === 'ingress' && front) {
    // An ingress-nginx canary is authenticated as its main Ingress is.
    const main = nginxCanaryMain(model, front) ?? front;
    const control = ingressAuth(model, main, main.root.get('metadata', 'annotations'), service);
    if (control) return control;
  }
  if (path.kind === 'gateway-route' && front) {
    const control = gatewayRouteAuth(model, index, front, parentGateways(model, front), service);
    if (control) return control;
  }
  // Istio does not inject a sidecar into a hostNetwork pod.
  if (path.kind === 'host-network') return undefined;
  const route = path.kind === 'gateway-route' ? path.hops[0]?.object : undefined;
  return istioAuth(model, index, {
    namespace: workload.object.namespace,
    labels: podLabels(workload),
    throughIstioGateway: THROUGH_ISTIO_GATEWAY.has(path.kind),
    inIstioMesh: meshMarkerOf(model, workload)?.mesh.startsWith('Istio') ?? false,
    service,
    gateways: route ? parentGateways(model, route) : [],
  });
}

/**
 * A front an operator creates from a custom resource (a NIMService's Service, Ingress or HTTPRoute),
 * described from the resource: the generated objects are not in the scanned files.
 */
export interface GeneratedFront {
  readonly kind: 'ingress' | 'gateway-route' | 'load-balancer' | 'node-port';
  /** The custom resource. */
  readonly owner: K8sObject;
  /** The annotations the operator puts on the generated Ingress. */
  readonly annotations?: Node;
  /** The Gateways the generated route attaches to. */
  readonly gateways?: readonly ParentGateway[];
  /** Labels the operator gives the pods, as far as the resource says. */
  readonly podLabels?: Labels;
}

/** The authentication that applies to traffic through a front an operator generates, if any is recognised in the scanned set. */
export function authOnGeneratedFront(model: KubernetesModel, front: GeneratedFront): AuthControl | undefined {
  const index = indexOf(model);
  if (front.kind === 'ingress' && front.annotations) {
    const control = ingressAuth(model, front.owner, front.annotations, undefined);
    if (control) return control;
  }
  if (front.kind === 'gateway-route') {
    const control = gatewayRouteAuth(model, index, undefined, front.gateways ?? [], undefined);
    if (control) return control;
  }
  return istioAuth(model, index, { namespace: front.owner.namespace, labels: front.podLabels ?? {}, throughIstioGateway: false, inIstioMesh: false, service: undefined, gateways: front.gateways ?? [] });
}

// ---------------------------------------------------------------- Istio

/** Pod labels, with those KServe gives an InferenceService component's pods. */
function podLabels(workload: Workload): Labels {
  const object = workload.object;
  if (object.group === 'serving.kserve.io' && object.kind === 'InferenceService' && ISVC_COMPONENTS.has(workload.role)) {
    return { ...podLabelsOf(workload), ...inferenceServicePodLabels(object, workload.role as IsvcComponentName) };
  }
  return podLabelsOf(workload);
}

/**
 * An AuthorizationPolicy that lets some callers in and not others: DENY and CUSTOM (an external
 * authorizer) always, ALLOW unless a rule is empty (`rules: [{}]` matches every request; an ALLOW
 * policy without rules denies everything). AUDIT only logs.
 */
function restricts(spec: Node): { action: string } | undefined {
  const actionNode = spec.get('action');
  if (actionNode.isWritten() && actionNode.str() === undefined) return undefined;
  const action = actionNode.str() ?? 'ALLOW';
  if (action === 'AUDIT') return undefined;
  if (action !== 'ALLOW') return action === 'DENY' || action === 'CUSTOM' ? { action } : undefined;
  const open = spec.get('rules').items().some((rule) => rule.isMap() && ['from', 'to', 'when'].every((key) => !rule.get(key).isWritten()));
  return open ? undefined : { action };
}

/** Where traffic goes, as the Istio policies need it. */
interface IstioTarget {
  readonly namespace: string | undefined;
  readonly labels: Labels;
  /** The path enters through the Istio ingress gateway (Knative / KServe routes, Istio VirtualServices). */
  readonly throughIstioGateway: boolean;
  /** A label in the scan puts the pods in the Istio mesh (sidecar injection or ambient; see mesh.ts). */
  readonly inIstioMesh: boolean;
  /** The Service the traffic goes through, when it does. */
  readonly service: K8sObject | undefined;
  /** The Gateway API Gateways the traffic enters through. */
  readonly gateways: readonly ParentGateway[];
}

function istioAuth(model: KubernetesModel, index: Index, target: IstioTarget): AuthControl | undefined {
  const namespace = target.namespace ?? '';
  for (const policy of index.authorizationPolicies) {
    const spec = policy.root.get('spec');
    const restriction = restricts(spec);
    if (!restriction) continue;
    const description = `Istio AuthorizationPolicy ${display(policy)} (${restriction.action})`;
    const targets = [...spec.get('targetRefs').items(), ...(spec.get('targetRef').isMap() ? [spec.get('targetRef')] : [])];
    if (targets.length > 0) {
      const ref = targets.find((candidate) => istioTargetMatches(policy, candidate, target));
      if (ref) return { kind: 'istio-policy', object: policy, at: ref, description: `${description} on ${ref.get('kind').str() ?? ''} ${ref.get('name').str() ?? ''}`, resolved: true };
      continue;
    }
    const selector = spec.get('selector');
    const policyNamespace = policy.namespace ?? '';
    if (policyNamespace === namespace || policyNamespace === ISTIO_ROOT) {
      if (!selector.isWritten()) {
        const meshWide = policyNamespace === ISTIO_ROOT && namespace !== ISTIO_ROOT;
        // A mesh-wide policy is enforced by the proxies of the mesh: it guards pods the scan shows in the mesh,
        // and traffic entering through the Istio ingress gateway, not a pod without a sidecar behind its own
        // load balancer. (A policy in the pods' own namespace or selecting them is taken as the team's word.)
        if (meshWide && !target.inIstioMesh && !target.throughIstioGateway) continue;
        const scope = meshWide ? 'mesh-wide' : 'on every pod of the namespace';
        return { kind: 'istio-policy', object: policy, at: spec.exists ? spec : policy.root.get('metadata', 'name'), description: `${description} ${scope}`, resolved: true };
      }
      // "If the authorization policy is in the root namespace, the selector will additionally match with workloads in all namespaces."
      if (labelSelectorMatches(selector, target.labels)) {
        return { kind: 'istio-policy', object: policy, at: selector, description: `${description} selecting the pods`, resolved: true };
      }
    }
    // A root-namespace policy on the ingress gateway guards what enters through it.
    if (policyNamespace === ISTIO_ROOT && target.throughIstioGateway) {
      const gateway = Object.entries(selector.get('matchLabels').stringRecord()).some(([key, value]) => /ingressgateway/.test(`${key}=${value}`));
      if (gateway) return { kind: 'istio-policy', object: policy, at: selector, description: `${description} on the ingress gateway`, resolved: true };
    }
  }
  return undefined;
}

/** `targetRef(s)`: a Gateway API Gateway the traffic enters through, or the Service it goes through (same namespace as the policy). */
function istioTargetMatches(policy: K8sObject, ref: Node, target: IstioTarget): boolean {
  const kind = ref.get('kind').str();
  const name = ref.get('name').str();
  const group = ref.get('group').str() ?? '';
  if (name === undefined) return false;
  const { service } = target;
  if (kind === 'Service' && group === '') return service !== undefined && service.name === name && (service.namespace ?? '') === (policy.namespace ?? '');
  if (kind === 'Gateway' && group === GATEWAY_API_GROUP) return target.gateways.some((parent) => parent.name === name && (parent.namespace ?? '') === (policy.namespace ?? ''));
  return false;
}

// ---------------------------------------------------------------- Ingress

function annotation(object: K8sObject, key: string): Node {
  return object.root.get('metadata', 'annotations', key);
}

/** An Ingress, or a resource whose operator creates one with these annotations (`annotations`: the mapping node). */
function ingressAuth(model: KubernetesModel, ingress: K8sObject, annotations: Node, service: K8sObject | undefined): AuthControl | undefined {
  const what = ingress.kind === 'Ingress' ? `Ingress ${display(ingress)}` : `the Ingress of ${ingress.kind} ${display(ingress)}`;
  const written = (key: string): Node => annotations.get(key);
  const found = (at: Node, text: string): AuthControl => ({ kind: 'ingress-auth', object: ingress, at, description: `${what} ${text}`, resolved: true });
  // ingress-nginx
  const authUrl = written(`${NGINX}auth-url`);
  if ((authUrl.str() ?? '').trim() !== '') return found(authUrl, `sends each request to ${authUrl.str() ?? ''} for authentication (ingress-nginx auth-url)`);
  const authType = written(`${NGINX}auth-type`);
  const type = authType.str()?.trim().toLowerCase();
  if ((type === 'basic' || type === 'digest') && (written(`${NGINX}auth-secret`).str() ?? '').trim() !== '') return found(authType, `requires HTTP ${type} authentication (ingress-nginx auth-type)`);
  const verify = written(`${NGINX}auth-tls-verify-client`);
  if (verify.str()?.trim().toLowerCase() === 'on' && (written(`${NGINX}auth-tls-secret`).str() ?? '').trim() !== '') return found(verify, 'requires a client certificate (ingress-nginx auth-tls-verify-client: on)');
  // AWS Load Balancer Controller
  const albType = written(`${ALB}auth-type`);
  const alb = albType.str()?.trim().toLowerCase();
  if ((alb === 'cognito' || alb === 'oidc') && written(`${ALB}auth-on-unauthenticated-request`).str()?.trim().toLowerCase() !== 'allow') {
    return found(albType, `authenticates users with ${alb === 'oidc' ? 'OIDC' : 'Amazon Cognito'} at the ALB (alb.ingress.kubernetes.io/auth-type)`);
  }
  const traefik = traefikAuth(model, ingress, annotations.get(TRAEFIK_MIDDLEWARES), what);
  if (traefik) return traefik;
  return kongAuth(model, [
    { object: ingress, node: annotations.get(KONG_PLUGINS), what },
    ...(service ? [{ object: service, node: annotation(service, KONG_PLUGINS), what: `Service ${display(service)}` }] : []),
  ]);
}

/** `<namespace>-<name>@kubernetescrd` (or `namespace_name` with Traefik's safeNaming); a Middleware of another provider is not in the scan. */
function traefikAuth(model: KubernetesModel, ingress: K8sObject, node: Node, what: string): AuthControl | undefined {
  const text = node.str();
  if (text === undefined) return undefined;
  const middlewares = model.objects.filter((object) => object.kind === 'Middleware' && TRAEFIK_GROUPS.has(object.group));
  let unresolved: string | undefined;
  for (const reference of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [qualified, provider] = reference.includes('@') ? (reference.split('@', 2) as [string, string]) : [reference, 'kubernetescrd'];
    const middleware =
      provider === 'kubernetescrd'
        ? middlewares.find((candidate) => {
            const namespace = candidate.namespace ?? ingress.namespace ?? 'default';
            const name = candidate.name ?? '';
            return qualified === `${namespace}-${name}` || qualified === `${namespace}_${name}`;
          })
        : undefined;
    if (!middleware) {
      unresolved ??= reference;
      continue;
    }
    const field = TRAEFIK_AUTH_FIELDS.find((key) => middleware.root.get('spec', key).isWritten());
    if (field) {
      return { kind: 'ingress-auth', object: middleware, at: middleware.root.get('spec', field), description: `Traefik Middleware ${display(middleware)} (${field}) on ${what}`, resolved: true };
    }
  }
  if (unresolved === undefined) return undefined;
  recordUnknownRead(node);
  return { kind: 'ingress-auth', object: ingress, at: node, description: `${what} uses Traefik middleware ${unresolved}, which is not in the scanned files (taken as authentication)`, resolved: false };
}

/** Kong applies the plugins named on the Ingress / route and on the Service behind it; KongPlugin first, then KongClusterPlugin. */
function kongAuth(model: KubernetesModel, holders: ReadonlyArray<{ object: K8sObject; node: Node; what: string }>): AuthControl | undefined {
  let unresolved: { object: K8sObject; node: Node; name: string; what: string } | undefined;
  for (const { object, node, what } of holders) {
    const text = node.str();
    if (text === undefined) continue;
    for (const name of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
      const plugin =
        findObject(model, { kind: 'KongPlugin', groups: KONG_GROUP, namespace: object.namespace, name, near: object }) ??
        model.objects.find((candidate) => candidate.kind === 'KongClusterPlugin' && KONG_GROUP.has(candidate.group) && candidate.name === name);
      if (!plugin) {
        unresolved ??= { object, node, name, what };
        continue;
      }
      const kind = plugin.root.get('plugin').str();
      if (kind !== undefined && KONG_AUTH_PLUGINS.has(kind)) {
        return { kind: 'gateway-policy', object: plugin, at: plugin.root.get('plugin'), description: `Kong plugin ${display(plugin)} (${kind}) on ${what}`, resolved: true };
      }
    }
  }
  if (!unresolved) return undefined;
  recordUnknownRead(unresolved.node);
  const { object, node, name, what } = unresolved;
  return { kind: 'gateway-policy', object, at: node, description: `${what} uses Kong plugin ${name}, which is not in the scanned files (taken as authentication)`, resolved: false };
}

// ---------------------------------------------------------------- Gateway API

/** A SecurityPolicy on the route (when it is a scanned object) or on a Gateway it attaches to; then Kong plugins on the route and the Service. */
function gatewayRouteAuth(model: KubernetesModel, index: Index, route: K8sObject | undefined, gateways: readonly ParentGateway[], service: K8sObject | undefined): AuthControl | undefined {
  for (const policy of index.securityPolicies) {
    const spec = policy.root.get('spec');
    const field = ENVOY_AUTH_FIELDS.find((key) => spec.get(key).isWritten() && !(key === 'jwt' && jwtOptional(spec.get('jwt'))));
    if (!field) continue;
    const namespace = policy.namespace ?? '';
    // Policy attachment is namespace-local: the policy sits in its target's namespace.
    const targets = (kind: string, name: string | undefined, labels: Labels, targetNamespace: string | undefined): boolean =>
      name !== undefined && (targetNamespace ?? '') === namespace && securityPolicyTargets(spec, kind, name, labels);
    const onRoute = route !== undefined && targets(route.kind, route.name, route.labels, route.namespace);
    const gateway = onRoute ? undefined : gateways.find((parent) => targets('Gateway', parent.name, parent.object?.labels ?? {}, parent.namespace));
    if (onRoute || gateway) {
      const where = route && onRoute ? `${route.kind} ${display(route)}` : `Gateway ${gateway?.namespace ? `${gateway.namespace}/` : ''}${gateway?.name ?? ''}`;
      return { kind: 'gateway-policy', object: policy, at: spec.get(field), description: `Envoy Gateway SecurityPolicy ${display(policy)} (${field}) on ${where}`, resolved: true };
    }
  }
  return kongAuth(model, [
    ...(route ? [{ object: route, node: annotation(route, KONG_PLUGINS), what: `${route.kind} ${display(route)}` }] : []),
    ...(service ? [{ object: service, node: annotation(service, KONG_PLUGINS), what: `Service ${display(service)}` }] : []),
  ]);
}

/** Every JWT provider marked `optional` (a request without a token passes): not authentication. */
function jwtOptional(jwt: Node): boolean {
  return jwt.get('optional').isTrue();
}

/** `targetRef` (older releases), `targetRefs` by name, `targetSelectors` by labels; group gateway.networking.k8s.io. */
function securityPolicyTargets(spec: Node, kind: string, name: string, labels: Labels): boolean {
  const refs = [...spec.get('targetRefs').items(), ...(spec.get('targetRef').isMap() ? [spec.get('targetRef')] : [])];
  const groupOk = (ref: Node): boolean => (ref.get('group').str() ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP;
  if (refs.some((ref) => groupOk(ref) && ref.get('kind').str() === kind && ref.get('name').str() === name)) return true;
  return spec
    .get('targetSelectors')
    .items()
    .some((selector) => groupOk(selector) && selector.get('kind').str() === kind && (selector.get('matchLabels').exists || selector.get('matchExpressions').exists) && labelSelectorMatches(selector, labels));
}

// ---------------------------------------------------------------- OpenShift AI

function odhAuth(isvc: K8sObject): AuthControl | undefined {
  const node = annotation(isvc, ODH_AUTH);
  if (node.str()?.trim().toLowerCase() !== 'true') return undefined;
  return { kind: 'route-auth', object: isvc, at: node, description: `InferenceService ${display(isvc)} asks OpenShift AI for token authentication (${ODH_AUTH}: "true")`, resolved: true };
}
