import { kserveClusterConfig } from './adapt/crds/kserve.js';
import { isInternalGateway, isInternalIngress, isInternalLoadBalancer } from './exposure.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { kubeRayHeadService, kubeRayPodLabels } from './kuberay.js';
import { findObject } from './references.js';
import { parentGateways } from './routes.js';
import { labelSelectorMatches, podLabelsOf, sameNamespace } from './selectors.js';
import type { Labels } from './selectors.js';
import type { Node, UnknownRead } from './value.js';
import { collectingUnknownReads, replayUnknownReads } from './value.js';
import { appendTo } from './collections.js';

// Exposure as catalogue F.0 defines it, computed from the scanned objects only: "published" = some
// Service lists the port; "exposed" = reachable from outside the pod's namespace; "internet-facing" =
// through a load balancer, Ingress, Gateway or Route that nothing marks private.

/** A port of a pod template, as a rule asks about it. */
export interface PortQuery {
  readonly number: number;
  /** The port's name, when the container names it (a Service's `targetPort` may use it). */
  readonly name?: string;
  /** The container's `ports[]` item declaring the port, when one does (informational: a hostPort on any item of the number counts). */
  readonly containerPort?: Node;
}

export type ExposureKind =
  | 'service'
  | 'load-balancer'
  | 'node-port'
  | 'external-ips'
  | 'ingress'
  | 'gateway-route'
  | 'openshift-route'
  | 'virtual-service'
  | 'host-port'
  | 'host-network'
  | 'knative'
  | 'kserve';

/**
 * One request-path condition under which an HTTP route hop sends traffic on: `prefix` and `exact` as
 * Ingress, Gateway API, Istio and OpenShift spell them; `pattern` for regular expressions (and Ingress
 * paths a regex-mode controller reads as one). A hop that does not narrow the path routes `prefix` `/`.
 */
export interface HttpPathMatch {
  readonly type: 'prefix' | 'exact' | 'pattern';
  /** As written; undefined when it cannot be read (a template, a non-string). */
  readonly value: string | undefined;
  /**
   * What the proxy puts in place of the matched path before forwarding, when it rewrites it: the
   * matched prefix replaced (`prefix`), the whole path replaced (`full`), or a rewrite it cannot
   * state (`pattern`: regex captures, an unreadable value).
   */
  readonly rewrite?: { readonly type: 'prefix' | 'full' | 'pattern'; readonly value: string | undefined };
  /** Where the condition is written (the path, the match), or the rule / path item when it is implied. */
  readonly at: Node;
}

/** One step of a path: the object and the located value that makes it (a Service port, an Ingress backend). */
export interface ExposureHop {
  readonly object: K8sObject;
  readonly at: Node;
  /** Short and human, e.g. "Service serving/triton (LoadBalancer) port 8000 → targetPort 8000". */
  readonly description: string;
  /**
   * On an HTTP route hop (Ingress path, HTTPRoute rule, VirtualService `http` rule, OpenShift Route):
   * the request paths it sends to the next hop, any of them. Undefined on hops that do not route by
   * HTTP path (Services, GRPC / TCP / TLS routes, VirtualService `tcp` / `tls`): every request passes.
   */
  readonly httpPaths?: readonly HttpPathMatch[];
}

/** One way traffic reaches the port, outermost hop first. */
export interface ExposurePath {
  readonly kind: ExposureKind;
  readonly exposed: boolean;
  readonly internetFacing: boolean;
  readonly hops: readonly ExposureHop[];
}

export interface PortExposure {
  readonly port: number;
  /** Some Service lists the port, or it is exposed some other way (exposed implies published). */
  readonly published: boolean;
  readonly exposed: boolean;
  readonly internetFacing: boolean;
  readonly paths: readonly ExposurePath[];
}

/** The exposure of one port of a workload, with where the port is declared. */
export interface WorkloadPortExposure extends PortExposure {
  readonly name: string | undefined;
  /** The declaring container and `ports[]` item; undefined for an extra port number the caller supplied. */
  readonly container: ContainerRef | undefined;
  readonly containerPort: Node | undefined;
}

/** Which ports of a Service a route sends to. */
type PortRef = { by: 'port'; value: number } | { by: 'name'; value: string } | { by: 'target'; value: number } | { by: 'only' } | { by: 'any' };

/** Something in front of a Service: an Ingress backend, a route rule, a VirtualService destination. */
interface Front {
  readonly kind: 'ingress' | 'gateway-route' | 'openshift-route' | 'virtual-service';
  readonly hop: ExposureHop;
  readonly port: PortRef;
  readonly internetFacing: boolean;
}

interface Index {
  readonly servicesOf: ReadonlyMap<Workload, readonly K8sObject[]>;
  readonly frontsOf: ReadonlyMap<K8sObject, readonly Front[]>;
  /** Fronts naming a Service that is not in the scanned set, by `namespace/name`: an operator may create it (KubeRay's head Service). */
  readonly frontsByName: ReadonlyMap<string, readonly Front[]>;
  /** Knative's `config-domain` in the scanned set gives no domain but `svc.cluster.local`: every route is cluster-local. */
  readonly knativeDomainPrivate: boolean;
  readonly kserve: KServeConfig;
  readonly reads: readonly UnknownRead[];
}

interface KServeConfig {
  /** `ingress.disableIngressCreation`, or `ingressDomain: svc.cluster.local` (RawDeployment then creates no Ingress). */
  readonly rawIngressDisabled: boolean;
  /** `deploy.defaultDeploymentMode`, when the ConfigMap is in the scanned set. */
  readonly defaultMode: string | undefined;
}

const CORE = new Set(['']);
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const GATEWAY_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);
const ISTIO_GROUP = 'networking.istio.io';
const OPENSHIFT_ROUTE_GROUP = 'route.openshift.io';
const KNATIVE_VISIBILITY = 'networking.knative.dev/visibility';
const KSERVE_VISIBILITY = 'networking.kserve.io/visibility';
const CLUSTER_LOCAL = 'cluster-local';
const CLUSTER_LOCAL_DOMAIN = 'svc.cluster.local';
/** Knative's default `PORT` and KServe's `InferenceServiceDefaultHttpPort`: where traffic goes when no port is declared. */
const DEFAULT_SERVING_PORT = 8080;
const ISVC_ROUTED_ROLES = new Set(['predictor', 'transformer', 'explainer']);
/** `constants.DeploymentModeType` values, old and new names (0.16 renamed Serverless / RawDeployment to Knative / Standard). */
const KSERVE_MODES = new Set(['Serverless', 'Knative', 'RawDeployment', 'Standard', 'ModelMesh']);

const indexes = new WeakMap<KubernetesModel, Index>();
const results = new WeakMap<Workload, Map<string, { value: PortExposure; reads: readonly UnknownRead[] }>>();

/**
 * How one port of a pod template is reachable: through the Services that select the pods (and the
 * Ingresses, Gateway API routes, OpenShift Routes and Istio VirtualServices in front of them), a
 * `hostPort` / `hostNetwork`, or the external route of a Knative Service or KServe InferenceService.
 * Values that cannot be resolved never count. Indexes are built once per model.
 */
export function exposureOfPort(model: KubernetesModel, workload: Workload, port: PortQuery): PortExposure {
  let cache = results.get(workload);
  if (!cache) results.set(workload, (cache = new Map()));
  const key = `${port.number}/${port.name ?? ''}`;
  const cached = cache.get(key);
  if (cached) {
    replayUnknownReads(cached.reads);
    return cached.value;
  }
  const computed = collectingUnknownReads(() => compute(model, indexOf(model), workload, port));
  cache.set(key, computed);
  return computed.value;
}

/** Every port the workload's containers declare, then each extra port number (a server's default port it does not declare). */
export function exposureOfWorkload(model: KubernetesModel, workload: Workload, options: { extraPorts?: readonly number[] } = {}): WorkloadPortExposure[] {
  const out: WorkloadPortExposure[] = [];
  const seen = new Set<number>();
  for (const container of workload.containers) {
    for (const entry of container.node.get('ports').items()) {
      const number = entry.get('containerPort').value;
      if (typeof number !== 'number') continue;
      const name = entry.get('name').str();
      seen.add(number);
      const exposure = exposureOfPort(model, workload, { number, ...(name !== undefined ? { name } : {}), containerPort: entry });
      out.push({ ...exposure, name, container, containerPort: entry });
    }
  }
  for (const number of options.extraPorts ?? []) {
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ ...exposureOfPort(model, workload, { number }), name: undefined, container: undefined, containerPort: undefined });
  }
  return out;
}

function indexOf(model: KubernetesModel): Index {
  let index = indexes.get(model);
  if (!index) {
    const { value, reads } = collectingUnknownReads(() => buildIndex(model));
    index = { ...value, reads };
    indexes.set(model, index);
  } else {
    replayUnknownReads(index.reads);
  }
  return index;
}

function buildIndex(model: KubernetesModel): Omit<Index, 'reads'> {
  const servicesOf = new Map<Workload, K8sObject[]>();
  // Pod templates by namespace, labels computed once; byte-identical copies of one object (a chart vendored
  // twice) are matched once and share the result, so a repeated tree costs what its distinct objects cost.
  const byNamespace = new Map<string, Array<{ labels: Labels; kubeRayLabels: Labels | undefined; copies: Workload[] }>>();
  const distinct = new Map<string, { labels: Labels; kubeRayLabels: Labels | undefined; copies: Workload[] }>();
  for (const workload of model.workloads) {
    const key = `${workload.role}#${contentKey(workload.object)}`;
    const known = distinct.get(key);
    if (known) {
      known.copies.push(workload);
      continue;
    }
    const labels = podLabelsOf(workload);
    const entry = { labels, kubeRayLabels: kubeRayPodLabels(workload, labels), copies: [workload] };
    distinct.set(key, entry);
    const namespace = workload.object.namespace ?? '';
    appendTo(byNamespace, namespace, entry);
  }
  const seenServices = new Set<string>();
  for (const service of model.byType('k8s:Service')) {
    if (service.group !== '') continue;
    const key = contentKey(service);
    if (seenServices.has(key)) continue;
    seenServices.add(key);
    // No selector (or an empty one): the Service's endpoints are managed by hand, not by labels.
    const selector = service.root.get('spec', 'selector');
    if (!selector.isMap() || selector.entries().length === 0) continue;
    for (const entry of byNamespace.get(service.namespace ?? '') ?? []) {
      if (!labelSelectorMatches(selector, entry.labels) && !(entry.kubeRayLabels !== undefined && labelSelectorMatches(selector, entry.kubeRayLabels))) continue;
      for (const workload of entry.copies) appendTo(servicesOf, workload, service);
    }
  }
  const frontsOf = new Map<K8sObject, Front[]>();
  const frontsByName = new Map<string, Front[]>();
  const add: AddFront = (target, front) => {
    const found = service(model, target.name, target.namespace, front.hop.object);
    if (found) appendTo(frontsOf, found, front);
    else {
      const key = serviceKey(target.namespace, target.name);
      appendTo(frontsByName, key, front);
    }
  };
  for (const object of model.objects) {
    if (object.kind === 'Ingress' && (object.group === 'networking.k8s.io' || object.group === 'extensions')) ingressFronts(model, object, add);
    else if (GATEWAY_ROUTE_KINDS.has(object.kind) && object.group === GATEWAY_API_GROUP) gatewayRouteFronts(model, object, add);
    else if (object.kind === 'Route' && object.group === OPENSHIFT_ROUTE_GROUP) openshiftRouteFronts(model, object, add);
    else if (object.kind === 'VirtualService' && object.group === ISTIO_GROUP) virtualServiceFronts(model, servicesOf, object, add);
  }
  return { servicesOf, frontsOf, frontsByName, knativeDomainPrivate: knativeDomainPrivate(model), kserve: kserveConfig(model) };
}

/** The Services a route names, by name and namespace (as written, or the route's). */
type AddFront = (target: { name: string; namespace: string | undefined }, front: Front) => void;

function serviceKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/**
 * The pod templates a Service selects: by the labels each template writes, and for KubeRay head and
 * worker templates also by the labels the operator gives their pods (`ray.io/node-type: head`).
 */
const contentKeys = new WeakMap<K8sObject, string>();

/** An object's identity and content: two copies of one manifest have the same key, two environments' variants do not. */
function contentKey(object: K8sObject): string {
  let key = contentKeys.get(object);
  if (key === undefined) contentKeys.set(object, (key = `${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}#${JSON.stringify(object.root.value ?? null)}`));
  return key;
}

function display(object: K8sObject): string {
  const name = object.name ?? '(unnamed)';
  return object.namespace ? `${object.namespace}/${name}` : name;
}

function service(model: KubernetesModel, name: string, namespace: string | undefined, near: K8sObject): K8sObject | undefined {
  return findObject(model, { kind: 'Service', groups: CORE, namespace, name, near });
}

function portRefText(ref: PortRef): string {
  if (ref.by === 'port') return `port ${ref.value}`;
  if (ref.by === 'name') return `port ${ref.value}`;
  if (ref.by === 'target') return `targetPort ${ref.value}`;
  return 'its port';
}

/** `port.number` / `port.name` (v1) or `servicePort` (v1beta1): a number or a Service port name. */
function ingressPortRef(port: Node): PortRef | undefined {
  const value = port.value;
  if (typeof value === 'number') return { by: 'port', value };
  if (typeof value === 'string') return { by: 'name', value };
  return undefined;
}

function ingressFronts(model: KubernetesModel, ingress: K8sObject, add: AddFront): void {
  const internetFacing = !isInternalIngress(model, ingress);
  const spec = ingress.root.get('spec');
  const backends: Array<{ backend: Node; where: string; httpPaths: readonly HttpPathMatch[] }> = [
    { backend: spec.get('defaultBackend'), where: 'by default', httpPaths: [{ type: 'prefix', value: '/', at: spec.get('defaultBackend') }] },
    { backend: spec.get('backend'), where: 'by default', httpPaths: [{ type: 'prefix', value: '/', at: spec.get('backend') }] },
  ];
  for (const rule of spec.get('rules').items()) {
    const host = rule.get('host').str();
    for (const path of rule.get('http', 'paths').items()) {
      const where = `${host ?? '*'}${path.get('path').str() ?? ''}`;
      backends.push({ backend: path.get('backend'), where, httpPaths: [ingressPathMatch(ingress, path)] });
    }
  }
  for (const { backend, where, httpPaths } of backends) {
    const v1 = backend.get('service');
    const nameNode = v1.exists ? v1.get('name') : backend.get('serviceName');
    const name = nameNode.str();
    if (name === undefined) continue;
    const port = v1.exists ? (v1.get('port', 'number').exists ? ingressPortRef(v1.get('port', 'number')) : ingressPortRef(v1.get('port', 'name'))) : ingressPortRef(backend.get('servicePort'));
    if (!port) continue;
    const description = `Ingress ${display(ingress)} sends ${where} to Service ${name} ${portRefText(port)}`;
    add({ name, namespace: ingress.namespace }, { kind: 'ingress', hop: { object: ingress, at: nameNode, description, httpPaths }, port, internetFacing });
  }
}

/** Regular-expression syntax in a path: a controller in regex mode reads it as a pattern. */
const REGEX_SYNTAX = /[\\^$*+?()[\]{}|]/;
const INGRESS_REWRITE_TARGETS = ['nginx.ingress.kubernetes.io/rewrite-target', 'ingress.kubernetes.io/rewrite-target'];

/**
 * An Ingress path item: `Exact`, `Prefix`, or `ImplementationSpecific` (ingress-nginx reads it as a
 * prefix, or as a regular expression with `use-regex` / `rewrite-target`). ingress-nginx's
 * `rewrite-target` replaces the whole request path (with regex captures when it uses `$n`).
 */
function ingressPathMatch(ingress: K8sObject, item: Node): HttpPathMatch {
  const pathNode = item.get('path');
  const rewriteKey = INGRESS_REWRITE_TARGETS.find((key) => ingress.annotations[key] !== undefined);
  const rewriteText = rewriteKey === undefined ? undefined : ingress.annotations[rewriteKey];
  const rewrite: HttpPathMatch['rewrite'] = rewriteText === undefined ? undefined : rewriteText.includes('$') ? { type: 'pattern', value: rewriteText } : { type: 'full', value: rewriteText };
  const withRewrite = (match: Omit<HttpPathMatch, 'rewrite'>): HttpPathMatch => (rewrite ? { ...match, rewrite } : match);
  if (!pathNode.isWritten()) return withRewrite({ type: 'prefix', value: '/', at: item });
  const value = pathNode.str();
  if (value === undefined) return withRewrite({ type: 'pattern', value: undefined, at: pathNode });
  const pathType = item.get('pathType').str() ?? 'ImplementationSpecific';
  const regexMode = rewriteText !== undefined || ingress.annotations['nginx.ingress.kubernetes.io/use-regex']?.trim().toLowerCase() === 'true';
  if (pathType === 'Exact') return withRewrite({ type: 'exact', value, at: pathNode });
  if (pathType !== 'Prefix' && pathType !== 'ImplementationSpecific') return withRewrite({ type: 'pattern', value, at: pathNode });
  return withRewrite({ type: regexMode && REGEX_SYNTAX.test(value) ? 'pattern' : 'prefix', value, at: pathNode });
}

/** `filters[]` of type URLRewrite with a `path`: ReplacePrefixMatch or ReplaceFullPath. */
function gatewayRewrite(filters: readonly Node[]): HttpPathMatch['rewrite'] {
  for (const filter of filters) {
    if (filter.get('type').str() !== 'URLRewrite') continue;
    const path = filter.get('urlRewrite', 'path');
    if (!path.isWritten()) continue;
    const type = path.get('type').str();
    if (type === 'ReplacePrefixMatch') return { type: 'prefix', value: path.get('replacePrefixMatch').str() };
    if (type === 'ReplaceFullPath') return { type: 'full', value: path.get('replaceFullPath').str() };
    return { type: 'pattern', value: undefined };
  }
  return undefined;
}

/** An HTTPRoute rule's `matches[].path` (default `PathPrefix` `/`; no matches routes every path), with its URLRewrite filters. */
function gatewayPathMatches(rule: Node, ref: Node): HttpPathMatch[] {
  const rewrite = gatewayRewrite([...rule.get('filters').items(), ...ref.get('filters').items()]);
  const matches = rule.get('matches').items();
  const all: HttpPathMatch = { type: 'prefix', value: '/', at: rule };
  const out = matches.length === 0 ? [all] : matches.map((match): HttpPathMatch => {
    const path = match.get('path');
    if (!path.isWritten()) return { ...all, at: match };
    const valueNode = path.get('value');
    const value = valueNode.isWritten() ? valueNode.str() : '/';
    const type = path.get('type').str() ?? 'PathPrefix';
    return { type: type === 'PathPrefix' ? 'prefix' : type === 'Exact' ? 'exact' : 'pattern', value, at: path };
  });
  return rewrite ? out.map((match) => ({ ...match, rewrite })) : out;
}

/** A VirtualService `http` rule's `match[].uri` (prefix / exact / regex; absent routes every path), with `rewrite.uri`. */
function virtualServicePathMatches(rule: Node): HttpPathMatch[] {
  const rewriteNode = rule.get('rewrite');
  const matches = rule.get('match').items();
  const all: HttpPathMatch = { type: 'prefix', value: '/', at: rule };
  const out = matches.length === 0 ? [all] : matches.map((match): HttpPathMatch => {
    const uri = match.get('uri');
    if (!uri.isWritten()) return { ...all, at: match };
    if (uri.get('prefix').isWritten()) return { type: 'prefix', value: uri.get('prefix').str(), at: uri };
    if (uri.get('exact').isWritten()) return { type: 'exact', value: uri.get('exact').str(), at: uri };
    return { type: 'pattern', value: uri.get('regex').str(), at: uri };
  });
  if (!rewriteNode.get('uri').isWritten() && !rewriteNode.get('uriRegexRewrite').isWritten()) return out;
  // "If the original URI was matched based on prefix, the value provided in this field will replace the corresponding matched prefix."
  return out.map((match) => ({
    ...match,
    rewrite: rewriteNode.get('uriRegexRewrite').isWritten() ? { type: 'pattern', value: undefined } : { type: match.type === 'prefix' ? 'prefix' : 'full', value: rewriteNode.get('uri').str() },
  }));
}

function gatewayRouteFronts(model: KubernetesModel, route: K8sObject, add: AddFront): void {
  // Only a route attached to a Gateway is reachable from outside; a route whose parents are Services is mesh-internal (GAMMA).
  const parents = parentGateways(model, route);
  if (parents.length === 0) return;
  // A Gateway outside the scanned set is taken as internet-facing, as an Ingress of an unknown class is.
  const internetFacing = parents.some((parent) => parent.object === undefined || !isInternalGateway(parent.object));
  const gateways = parents.map((parent) => (parent.namespace ? `${parent.namespace}/${parent.name}` : parent.name)).join(', ');
  for (const rule of route.root.get('spec', 'rules').items()) {
    for (const ref of rule.get('backendRefs').items()) {
      const nameNode = ref.get('name');
      const name = nameNode.str();
      if (name === undefined || (ref.get('group').str() ?? '') !== '' || (ref.get('kind').str() ?? 'Service') !== 'Service') continue;
      const number = ref.get('port').value;
      if (typeof number !== 'number') continue;
      const port: PortRef = { by: 'port', value: number };
      const description = `${route.kind} ${display(route)} (Gateway ${gateways}) sends to Service ${name} port ${number}`;
      const hop: ExposureHop = route.kind === 'HTTPRoute' ? { object: route, at: nameNode, description, httpPaths: gatewayPathMatches(rule, ref) } : { object: route, at: nameNode, description };
      add({ name, namespace: ref.get('namespace').str() ?? route.namespace }, { kind: 'gateway-route', hop, port, internetFacing });
    }
  }
}

/**
 * `spec.to` and `spec.alternateBackends` (Services, in the Route's namespace); `spec.port.targetPort` names a
 * Service port or gives the pods' port number, and without it the router uses every port. Which router shard
 * admits the Route is cluster configuration (the IngressController's selectors): the default router is
 * published through a cloud load balancer, so a Route is taken as internet-facing.
 */
function openshiftRouteFronts(model: KubernetesModel, route: K8sObject, add: AddFront): void {
  const spec = route.root.get('spec');
  // A path-based Route matches the path as a prefix; `rewrite-target` replaces that prefix.
  const pathNode = spec.get('path');
  const rewriteTarget = route.annotations['haproxy.router.openshift.io/rewrite-target'];
  const pathMatch: HttpPathMatch = pathNode.isWritten() ? { type: 'prefix', value: pathNode.str(), at: pathNode } : { type: 'prefix', value: '/', at: spec };
  const httpPaths: readonly HttpPathMatch[] = [rewriteTarget === undefined ? pathMatch : { ...pathMatch, rewrite: { type: 'prefix', value: rewriteTarget } }];
  const target = spec.get('port', 'targetPort');
  let port: PortRef;
  if (!target.isWritten()) port = { by: 'any' };
  else if (typeof target.value === 'number') port = { by: 'target', value: target.value };
  else if (typeof target.value === 'string') port = { by: 'name', value: target.value };
  else return;
  for (const backend of [spec.get('to'), ...spec.get('alternateBackends').items()]) {
    const nameNode = backend.get('name');
    const name = nameNode.str();
    if (name === undefined || (backend.get('kind').str() ?? 'Service') !== 'Service') continue;
    const description = `Route ${display(route)} sends to Service ${name} ${portRefText(port)}`;
    add({ name, namespace: route.namespace }, { kind: 'openshift-route', hop: { object: route, at: nameNode, description, httpPaths }, port, internetFacing: true });
  }
}

/** `name` (the VirtualService's namespace), `name.ns.svc` or `name.ns.svc.cluster.local`; anything else is not a Service we can name. */
function serviceOfHost(host: string, namespace: string | undefined): { name: string; namespace: string | undefined } | undefined {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (lower.includes('*')) return undefined;
  if (!lower.includes('.')) return { name: lower, namespace };
  const match = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?$/.exec(lower);
  return match ? { name: match[1] as string, namespace: match[2] as string } : undefined;
}

function virtualServiceFronts(model: KubernetesModel, servicesOf: ReadonlyMap<Workload, readonly K8sObject[]>, virtualService: K8sObject, add: AddFront): void {
  const spec = virtualService.root.get('spec');
  // Without `gateways` a VirtualService applies to the mesh only: sidecar traffic, nothing from outside.
  const gateways = spec.get('gateways').items().map((item) => item.str());
  if (gateways.some((gateway) => gateway === undefined)) return;
  const external = (gateways as string[]).filter((gateway) => gateway !== 'mesh');
  if (external.length === 0) return;
  const internetFacing = external.some((gateway) => !istioGatewayInternal(model, servicesOf, virtualService, gateway));
  for (const section of ['http', 'tcp', 'tls']) {
    for (const rule of spec.get(section).items()) {
      for (const route of rule.get('route').items()) {
        const destination = route.get('destination');
        const hostNode = destination.get('host');
        const host = hostNode.str();
        const target = host === undefined ? undefined : serviceOfHost(host, virtualService.namespace);
        if (!target) continue;
        const number = destination.get('port', 'number');
        let port: PortRef;
        if (!number.isWritten()) port = { by: 'only' };
        else if (typeof number.value === 'number') port = { by: 'port', value: number.value };
        else continue;
        const description = `VirtualService ${display(virtualService)} (gateways ${external.join(', ')}) sends ${section} to ${host as string} ${portRefText(port)}`;
        const hop: ExposureHop = section === 'http' ? { object: virtualService, at: hostNode, description, httpPaths: virtualServicePathMatches(rule) } : { object: virtualService, at: hostNode, description };
        add(target, { kind: 'virtual-service', hop, port, internetFacing });
      }
    }
  }
}

/**
 * An Istio Gateway is not internet-facing when it says so by name (`knative-local-gateway`, `cluster-local-gateway`)
 * or none of the Services in front of its pods (any namespace, as Istio selects) is an internet-facing load balancer.
 * A Gateway, or gateway pods, outside the scanned set are taken as internet-facing.
 */
/** Per Gateway object: many VirtualServices name the same gateways. */
const gatewayVerdicts = new WeakMap<K8sObject, boolean>();

function istioGatewayInternal(model: KubernetesModel, servicesOf: ReadonlyMap<Workload, readonly K8sObject[]>, from: K8sObject, reference: string): boolean {
  const [namespace, name] = reference.includes('/') ? (reference.split('/', 2) as [string, string]) : [from.namespace, reference];
  if (/local|internal|private/i.test(name)) return true;
  const gateway = findObject(model, { kind: 'Gateway', groups: new Set([ISTIO_GROUP]), namespace, name, near: from });
  if (!gateway) return false;
  let verdict = gatewayVerdicts.get(gateway);
  if (verdict === undefined) gatewayVerdicts.set(gateway, (verdict = gatewayInternal(model, servicesOf, gateway)));
  return verdict;
}

function gatewayInternal(model: KubernetesModel, servicesOf: ReadonlyMap<Workload, readonly K8sObject[]>, gateway: K8sObject): boolean {
  const selector = gateway.root.get('spec', 'selector');
  if (!selector || !selector.isMap() || selector.entries().length === 0) return false;
  // The Services of the gateway pods in the files, and those selecting only labels the gateway's selector names (the pods are often the operator's).
  const gatewayLabels = selector.stringRecord();
  const services = new Set([
    ...model.workloads.filter((workload) => labelSelectorMatches(selector, podLabelsOf(workload))).flatMap((workload) => servicesOf.get(workload) ?? []),
    ...model.byType('k8s:Service').filter((candidate) => {
      const serviceSelector = candidate.root.get('spec', 'selector');
      return candidate.group === '' && serviceSelector.isMap() && serviceSelector.entries().length > 0 && labelSelectorMatches(serviceSelector, gatewayLabels);
    }),
  ]);
  return services.size > 0 && ![...services].some((candidate) => serviceType(candidate) === 'LoadBalancer' && loadBalancerInternetFacing(candidate));
}

function serviceType(service: K8sObject): string | undefined {
  const type = service.root.get('spec', 'type');
  return type.isWritten() ? type.str() : 'ClusterIP';
}

function externalIps(service: K8sObject): Node | undefined {
  const node = service.root.get('spec', 'externalIPs');
  return node.items().some((item) => item.str() !== undefined) ? node : undefined;
}

/** `0.0.0.0/0`, `::/0`: every address. */
function isOpenRange(cidr: string): boolean {
  return /\/0+$/.test(cidr.trim());
}

/** Not an internal load balancer, and its source ranges (field, else annotation) do not restrict it. Unreadable ranges do not count. */
function loadBalancerInternetFacing(service: K8sObject): boolean {
  return loadBalancerOpen([service.root.get('metadata', 'annotations')], service.root.get('spec'));
}

/** The same, from the Service's annotation mappings (the first that writes a key wins) and its spec. */
function loadBalancerOpen(annotationMaps: readonly Node[], spec: Node): boolean {
  const annotations: Record<string, string> = {};
  for (const map of [...annotationMaps].reverse()) Object.assign(annotations, map.stringRecord());
  if (isInternalLoadBalancer(annotations, spec.get('loadBalancerClass').str())) return false;
  const field = spec.get('loadBalancerSourceRanges');
  if (field.isWritten()) {
    if (!Array.isArray(field.value)) return false;
    const ranges = field.items().map((item) => item.str());
    if (ranges.some((range) => range === undefined)) return false;
    if (ranges.length > 0) return (ranges as string[]).some(isOpenRange);
  }
  const annotation = annotationMaps.map((map) => map.get('service.beta.kubernetes.io/load-balancer-source-ranges')).find((node) => node.isWritten());
  if (!annotation) return true;
  const text = annotation.str();
  if (text === undefined) return false;
  const ranges = text.split(',').map((range) => range.trim()).filter((range) => range !== '');
  return ranges.length === 0 || ranges.some(isOpenRange);
}

/** Knative's `config-domain`: a domain key other than `_example` and `svc.cluster.local` gives routes a public name. */
function knativeDomainPrivate(model: KubernetesModel): boolean {
  const configs = model.byType('k8s:ConfigMap').filter((object) => object.group === '' && object.name === 'config-domain');
  if (configs.length === 0) return false;
  return configs.every((config) => config.root.get('data').entries().every(([key]) => key === '_example' || key === CLUSTER_LOCAL_DOMAIN));
}

/**
 * KServe's `inferenceservice-config` ConfigMap, when scanned (read as KServe reads it: the documented
 * copies carry `#` comments); otherwise the upstream defaults (Ingress created, mode not written).
 */
function kserveConfig(model: KubernetesModel): KServeConfig {
  const configs = model.byType('k8s:ConfigMap').flatMap((object) => kserveClusterConfig(object) ?? []);
  // A mode KServe does not know (an unrendered Helm placeholder in a chart's patch file) says nothing: the
  // first copy that names a known mode wins, else the first copy.
  const config = configs.find((candidate) => candidate.defaultDeploymentMode !== undefined && KSERVE_MODES.has(candidate.defaultDeploymentMode)) ?? configs[0];
  if (!config) return { rawIngressDisabled: false, defaultMode: undefined };
  const mode = config.defaultDeploymentMode;
  return { rawIngressDisabled: config.disableIngressCreation === true || config.ingressDomain === CLUSTER_LOCAL_DOMAIN, defaultMode: mode !== undefined && KSERVE_MODES.has(mode) ? mode : undefined };
}

/**
 * The deployment mode of an InferenceService: its `serving.kserve.io/deploymentMode` annotation, else the
 * default of the scanned `inferenceservice-config`, else KServe's shipped default, Serverless (see
 * `isvcExternal`). Undefined when the annotation cannot be read.
 */
export function inferenceServiceMode(model: KubernetesModel, object: K8sObject): { mode: string; defaulted: boolean } | undefined {
  const modeNode = object.root.get('metadata', 'annotations', 'serving.kserve.io/deploymentMode');
  if (modeNode.exists) {
    const written = modeNode.str();
    return written === undefined ? undefined : { mode: written, defaulted: false };
  }
  return { mode: indexOf(model).kserve.defaultMode ?? 'Serverless', defaulted: true };
}

/** Port names the pod's containers declare: a Service's named `targetPort` resolves against any container of the pod. */
function namedPorts(workload: Workload, port: PortQuery): Map<string, number> {
  const named = new Map<string, number>();
  for (const container of workload.containers) {
    for (const entry of container.node.get('ports').items()) {
      const name = entry.get('name').str();
      const number = entry.get('containerPort').value;
      if (name !== undefined && typeof number === 'number' && !named.has(name)) named.set(name, number);
    }
  }
  if (port.name !== undefined && !named.has(port.name)) named.set(port.name, port.number);
  return named;
}

/** The pod port a Service port sends to: `targetPort` by number or by name, else `port`. */
function targetOf(servicePort: Node, named: ReadonlyMap<string, number>): number | undefined {
  const target = servicePort.get('targetPort');
  if (!target.isWritten()) {
    const port = servicePort.get('port').value;
    return typeof port === 'number' ? port : undefined;
  }
  if (typeof target.value === 'number') return target.value;
  // A string is always a port name (the API rejects all-digit names).
  if (typeof target.value === 'string') return named.get(target.value);
  return undefined;
}

function frontMatches(ref: PortRef, servicePort: { readonly port: unknown; readonly name: string | undefined }, target: number, portCount: number): boolean {
  switch (ref.by) {
    case 'port':
      return servicePort.port === ref.value;
    case 'name':
      return servicePort.name === ref.value;
    case 'target':
      return target === ref.value;
    case 'only':
      return portCount === 1;
    case 'any':
      return true;
  }
}

function serviceHop(service: K8sObject, servicePort: Node, target: number): ExposureHop {
  const type = serviceType(service) ?? '?';
  const written = servicePort.get('targetPort').value;
  const targetText = typeof written === 'string' ? `${written} (${target})` : String(target);
  const port = servicePort.get('port').value;
  return { object: service, at: servicePort, description: `Service ${display(service)} (${type}) port ${typeof port === 'number' ? port : '?'} → targetPort ${targetText}` };
}

function compute(model: KubernetesModel, index: Index, workload: Workload, query: PortQuery): PortExposure {
  const paths: ExposurePath[] = [];
  const named = namedPorts(workload, query);
  for (const service of index.servicesOf.get(workload) ?? []) {
    const type = serviceType(service);
    if (type === 'ExternalName') continue;
    const ports = service.root.get('spec', 'ports').items();
    for (const servicePort of ports) {
      const target = targetOf(servicePort, named);
      if (target !== query.number) continue;
      const hop = serviceHop(service, servicePort, target);
      if (type === 'LoadBalancer') paths.push({ kind: 'load-balancer', exposed: true, internetFacing: loadBalancerInternetFacing(service), hops: [hop] });
      else if (type === 'NodePort') paths.push({ kind: 'node-port', exposed: true, internetFacing: false, hops: [hop] });
      // ClusterIP, headless, or a type we cannot read: in the cluster only.
      else paths.push({ kind: 'service', exposed: false, internetFacing: false, hops: [hop] });
      const addresses = externalIps(service);
      if (addresses) {
        const description = `Service ${display(service)} externalIPs send to its pods`;
        paths.push({ kind: 'external-ips', exposed: true, internetFacing: false, hops: [{ object: service, at: addresses, description }, hop] });
      }
      for (const front of index.frontsOf.get(service) ?? []) {
        if (frontMatches(front.port, { port: servicePort.get('port').value, name: servicePort.get('name').str() }, target, ports.length)) paths.push({ kind: front.kind, exposed: true, internetFacing: front.internetFacing, hops: [front.hop, hop] });
      }
    }
  }
  paths.push(...kubeRayHeadPaths(model, index, workload, query.number, named));
  paths.push(...hostPaths(workload, query.number));
  paths.push(...inferencePoolPaths(model, workload, query.number));
  const route = operatorRoute(model, index, workload, query.number);
  if (route) paths.push(route);
  const exposed = paths.some((path) => path.exposed);
  return { port: query.number, published: paths.length > 0, exposed, internetFacing: paths.some((path) => path.internetFacing), paths };
}

/**
 * The Service KubeRay creates for a head template (see `kuberay.ts`), with the type and ports the
 * resource asks for, the Ingresses and routes in the files that name it, and the dashboard Ingress
 * of `enableIngress`. None of them is in the files: the hops are located at the fields that decide them.
 */
function kubeRayHeadPaths(model: KubernetesModel, index: Index, workload: Workload, number: number, named: ReadonlyMap<string, number>): ExposurePath[] {
  const head = kubeRayHeadService(workload);
  if (!head || head.type === 'ExternalName') return [];
  const paths: ExposurePath[] = [];
  const namespace = head.object.namespace;
  const name = head.names[0] ?? `of ${head.object.kind} ${display(head.object)}`;
  const shown = head.names[0] !== undefined && namespace ? `${namespace}/${name}` : name;
  for (const servicePort of head.ports) {
    const written = servicePort.targetPort;
    const target = written === undefined ? servicePort.port : typeof written === 'number' ? written : named.get(written);
    if (target !== number) continue;
    const hop: ExposureHop = { object: head.object, at: head.typeAt, description: `KubeRay head Service ${shown} (${head.type ?? '?'}) port ${servicePort.port} → targetPort ${target}` };
    if (head.type === 'LoadBalancer') paths.push({ kind: 'load-balancer', exposed: true, internetFacing: loadBalancerOpen(head.annotationMaps, head.spec), hops: [hop] });
    else if (head.type === 'NodePort') paths.push({ kind: 'node-port', exposed: true, internetFacing: false, hops: [hop] });
    else paths.push({ kind: 'service', exposed: false, internetFacing: false, hops: [hop] });
    const addresses = head.spec.get('externalIPs');
    if (addresses.items().some((item) => item.str() !== undefined)) {
      paths.push({ kind: 'external-ips', exposed: true, internetFacing: false, hops: [{ object: head.object, at: addresses, description: `KubeRay head Service ${shown} externalIPs send to the head pod` }, hop] });
    }
    for (const front of head.names.flatMap((serviceName) => index.frontsByName.get(serviceKey(namespace, serviceName)) ?? [])) {
      if (frontMatches(front.port, servicePort, target, head.ports.length)) paths.push({ kind: front.kind, exposed: true, internetFacing: front.internetFacing, hops: [front.hop, hop] });
    }
    if (head.enableIngress.isTrue() && servicePort.port === head.dashboardIngressPort) {
      // The Ingress takes the resource's annotations (its class from `kubernetes.io/ingress.class`): read as an Ingress's.
      const ingress = `${head.object.name ?? '(unnamed)'}-head-ingress`;
      const description = `KubeRay creates Ingress ${namespace ? `${namespace}/` : ''}${ingress} (a Route on OpenShift) to the dashboard, port ${servicePort.port} (enableIngress)`;
      const httpPaths: readonly HttpPathMatch[] = [{ type: 'pattern', value: `/${head.object.name ?? ''}/(.*)`, at: head.enableIngress }];
      paths.push({ kind: 'ingress', exposed: true, internetFacing: !isInternalIngress(model, head.object), hops: [{ object: head.object, at: head.enableIngress, description, httpPaths }, hop] });
    }
  }
  return paths;
}

function hostPaths(workload: Workload, number: number): ExposurePath[] {
  const paths: ExposurePath[] = [];
  for (const container of workload.containers) {
    for (const entry of container.node.get('ports').items()) {
      const hostPort = entry.get('hostPort');
      // 0 is the API's "no host port"; a string cannot be read.
      if (entry.get('containerPort').value !== number || typeof hostPort.value !== 'number' || hostPort.value === 0) continue;
      const description = `container '${container.name}' binds host port ${hostPort.value} → containerPort ${number}`;
      paths.push({ kind: 'host-port', exposed: true, internetFacing: false, hops: [{ object: workload.object, at: hostPort, description }] });
    }
  }
  const hostNetwork = workload.podSpec.get('hostNetwork');
  if (hostNetwork.isTrue()) {
    const description = `hostNetwork: port ${number} listens on the node's addresses`;
    paths.push({ kind: 'host-network', exposed: true, internetFacing: false, hops: [{ object: workload.object, at: hostNetwork, description }] });
  }
  return paths;
}

/**
 * The port Knative (and KServe on it, or KServe's own Service) sends traffic to: the first `ports[]` item of
 * the container that declares one (Knative allows one), else the ServingRuntime's when a KServe model
 * container is merged over one in the scanned set, else 8080. An unreadable port is undefined.
 */
function servingPort(model: KubernetesModel, workload: Workload): number | undefined {
  for (const container of workload.containers) {
    const ports = container.node.get('ports');
    if (!ports.isWritten()) continue;
    if (!Array.isArray(ports.value)) return undefined;
    const first = ports.items()[0];
    if (!first) continue;
    const number = first.get('containerPort').value;
    return typeof number === 'number' ? number : undefined;
  }
  if (workload.containers.some((container) => container.mergedOver === 'ServingRuntime')) {
    const name = workload.object.root.get('spec', workload.role, 'model', 'runtime').str();
    const runtime =
      name === undefined
        ? undefined
        : (findObject(model, { kind: 'ServingRuntime', groups: new Set(['serving.kserve.io']), namespace: workload.object.namespace, name, near: workload.object }) ??
          findObject(model, { kind: 'ClusterServingRuntime', groups: new Set(['serving.kserve.io']), namespace: undefined, name, near: workload.object }));
    const runtimeWorkload = runtime && model.workloads.find((candidate) => candidate.object === runtime && candidate.role === 'runtime');
    if (runtimeWorkload) return servingPort(model, runtimeWorkload);
  }
  return DEFAULT_SERVING_PORT;
}

/**
 * The external route Knative or KServe gives a Knative Service or an InferenceService component
 * (predictor, transformer, explainer), whatever port the pods serve on; undefined when it has none.
 */
export function operatorRouteOf(model: KubernetesModel, workload: Workload): ExposurePath | undefined {
  const port = servingPort(model, workload);
  return port === undefined ? undefined : exposureOfPort(model, workload, { number: port }).paths.find((path) => path.kind === 'knative' || path.kind === 'kserve');
}

/** A Knative Service, or an InferenceService component, whose operator gives it an external route. */
function operatorRoute(model: KubernetesModel, index: Index, workload: Workload, number: number): ExposurePath | undefined {
  const object = workload.object;
  const isKnative = object.group === 'serving.knative.dev' && object.kind === 'Service';
  const isIsvc = object.group === 'serving.kserve.io' && object.kind === 'InferenceService' && ISVC_ROUTED_ROLES.has(workload.role);
  if (!isKnative && !isIsvc) return undefined;
  const external = isKnative ? knativeExternal(object, index) : isvcExternal(object, index);
  if (!external || servingPort(model, workload) !== number) return undefined;
  const description = isKnative
    ? `Knative Service ${display(object)} has an external route to port ${number}`
    : `InferenceService ${display(object)} (${external.mode}) has an external route to its ${workload.role} port ${number}`;
  return { kind: isKnative ? 'knative' : 'kserve', exposed: true, internetFacing: false, hops: [{ object, at: external.at, description }] };
}

function label(object: K8sObject, key: string): Node {
  return object.root.get('metadata', 'labels', key);
}

/** Where the external route is decided: the visibility label when written, else the object's name. */
function decidedAt(object: K8sObject, ...labels: Node[]): Node {
  return labels.find((node) => node.exists) ?? object.root.get('metadata', 'name');
}

/** Knative publishes a route on the external gateway unless the Service is labelled cluster-local or the cluster has no domain. */
function knativeExternal(object: K8sObject, index: Index): { at: Node; mode: string } | undefined {
  const visibility = label(object, KNATIVE_VISIBILITY);
  return notClusterLocal(visibility) && !index.knativeDomainPrivate ? { at: decidedAt(object, visibility), mode: 'Knative' } : undefined;
}

/** Absent or any readable value but `cluster-local` (the only value the controllers act on); unreadable is not. */
function notClusterLocal(visibility: Node): boolean {
  return !visibility.exists || (visibility.str() !== undefined && visibility.str() !== CLUSTER_LOCAL);
}

/**
 * Serverless (Knative): external unless `networking.knative.dev/visibility: cluster-local`. RawDeployment
 * (Standard): KServe creates an Ingress unless `networking.kserve.io/visibility: cluster-local` or its
 * ConfigMap disables Ingress creation; `exposed` (OpenShift AI) asks for a Route.
 *
 * No mode written: `deploy.defaultDeploymentMode` of `inferenceservice-config` when it is scanned, else
 * KServe's shipped default, Serverless. Verified in KServe's own ConfigMap and Helm chart
 * (config/configmap/inferenceservice.yaml and charts/kserve-resources/values.yaml: `"defaultDeploymentMode":
 * "Serverless"`, still so in the 0.16 chart that renames the modes Knative / Standard and documents Standard
 * as recommended; https://github.com/kserve/kserve/blob/master/config/configmap/inferenceservice.yaml).
 * Many installations switch the default to RawDeployment (KServe's Kubernetes-deployment install guide,
 * OpenShift AI), so a `networking.kserve.io/visibility: cluster-local` label on an InferenceService that
 * writes no mode is read as its author's statement that the cluster runs RawDeployment: private.
 * IG-ML-060 relies on this (`operatorRouteOf`).
 */
function isvcExternal(object: K8sObject, index: Index): { at: Node; mode: string } | undefined {
  const modeNode = object.root.get('metadata', 'annotations', 'serving.kserve.io/deploymentMode');
  if (modeNode.exists && modeNode.str() === undefined) return undefined;
  const mode = modeNode.str() ?? index.kserve.defaultMode;
  const knative = label(object, KNATIVE_VISIBILITY);
  const kserve = label(object, KSERVE_VISIBILITY);
  const serverless = notClusterLocal(knative) && !index.knativeDomainPrivate;
  const raw = kserve.str() === 'exposed' || (notClusterLocal(kserve) && !index.kserve.rawIngressDisabled);
  if (mode === 'Serverless' || mode === 'Knative') return serverless ? { at: decidedAt(object, knative, modeNode), mode } : undefined;
  if (mode === 'RawDeployment' || mode === 'Standard') return raw ? { at: decidedAt(object, kserve, modeNode), mode } : undefined;
  if (mode === undefined && serverless && notClusterLocal(kserve)) return { at: decidedAt(object, knative, kserve), mode: 'default mode' };
  return undefined;
}

// ---------------------------------------------------------------- Gateway API inference extension

const INFERENCE_POOL_GROUPS = new Set(['inference.networking.k8s.io', 'inference.networking.x-k8s.io']);

/** HTTPRoute rules sending to an InferencePool, by pool; built once per model. */
interface PoolIndex {
  readonly routesOf: ReadonlyMap<K8sObject, ReadonlyArray<{ readonly hop: ExposureHop; readonly internetFacing: boolean }>>;
  readonly reads: readonly UnknownRead[];
}

const poolIndexes = new WeakMap<KubernetesModel, PoolIndex>();

function poolIndexOf(model: KubernetesModel): PoolIndex {
  let index = poolIndexes.get(model);
  if (!index) {
    const { value, reads } = collectingUnknownReads(() => buildPoolIndex(model));
    index = { routesOf: value, reads };
    poolIndexes.set(model, index);
  } else {
    replayUnknownReads(index.reads);
  }
  return index;
}

function buildPoolIndex(model: KubernetesModel): PoolIndex['routesOf'] {
  const routesOf = new Map<K8sObject, Array<{ hop: ExposureHop; internetFacing: boolean }>>();
  for (const route of model.objects) {
    if (route.kind !== 'HTTPRoute' || route.group !== GATEWAY_API_GROUP) continue;
    const parents = parentGateways(model, route);
    if (parents.length === 0) continue;
    const internetFacing = parents.some((parent) => parent.object === undefined || !isInternalGateway(parent.object));
    const gateways = parents.map((parent) => (parent.namespace ? `${parent.namespace}/${parent.name}` : parent.name)).join(', ');
    for (const rule of route.root.get('spec', 'rules').items()) {
      for (const ref of rule.get('backendRefs').items()) {
        const nameNode = ref.get('name');
        const name = nameNode.str();
        if (name === undefined || ref.get('kind').str() !== 'InferencePool' || !INFERENCE_POOL_GROUPS.has(ref.get('group').str() ?? '')) continue;
        const pool = findObject(model, { kind: 'InferencePool', groups: INFERENCE_POOL_GROUPS, namespace: ref.get('namespace').str() ?? route.namespace, name, near: route });
        if (!pool) continue;
        const description = `HTTPRoute ${display(route)} (Gateway ${gateways}) sends to InferencePool ${name}`;
        appendTo(routesOf, pool, { hop: { object: route, at: nameNode, description, httpPaths: gatewayPathMatches(rule, ref) }, internetFacing });
      }
    }
  }
  return routesOf;
}

/** An InferencePool's pod ports: `targetPorts[].number` (v1), `targetPortNumber` (v1alpha2). */
function poolTargetPorts(pool: K8sObject): number[] {
  const spec = pool.root.get('spec');
  const numbers = [...spec.get('targetPorts').items().map((item) => item.get('number').value), spec.get('targetPortNumber').value];
  return numbers.filter((value): value is number => typeof value === 'number');
}

/**
 * The Gateway API inference extension: an HTTPRoute attached to a Gateway sends to an InferencePool,
 * whose endpoint picker forwards each request to one of the pods its selector matches, on its target port.
 */
function inferencePoolPaths(model: KubernetesModel, workload: Workload, number: number): ExposurePath[] {
  const paths: ExposurePath[] = [];
  for (const [pool, routes] of poolIndexOf(model).routesOf) {
    if (!sameNamespace(pool, workload.object) || !poolTargetPorts(pool).includes(number)) continue;
    const selector = pool.root.get('spec', 'selector');
    if (!selector.isMap() || selector.entries().length === 0 || !labelSelectorMatches(selector, podLabelsOf(workload))) continue;
    const hop: ExposureHop = { object: pool, at: selector, description: `InferencePool ${display(pool)} selects the pods, target port ${number}` };
    for (const route of routes) paths.push({ kind: 'gateway-route', exposed: true, internetFacing: route.internetFacing, hops: [route.hop, hop] });
  }
  return paths;
}
