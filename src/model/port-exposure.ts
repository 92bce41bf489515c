import { isInternalGateway, isInternalIngress, isInternalLoadBalancer } from './exposure.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { findObject } from './references.js';
import { parentGateways } from './routes.js';
import { labelSelectorMatches, podLabelsOf, workloadsSelectedBy } from './selectors.js';
import type { Node, UnknownRead } from './value.js';
import { collectingUnknownReads, replayUnknownReads } from './value.js';

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

/** One step of a path: the object and the located value that makes it (a Service port, an Ingress backend). */
export interface ExposureHop {
  readonly object: K8sObject;
  readonly at: Node;
  /** Short and human, e.g. "Service serving/triton (LoadBalancer) port 8000 → targetPort 8000". */
  readonly description: string;
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
  for (const service of model.byType('k8s:Service')) {
    if (service.group !== '') continue;
    for (const workload of workloadsSelectedBy(model, service)) servicesOf.set(workload, [...(servicesOf.get(workload) ?? []), service]);
  }
  const frontsOf = new Map<K8sObject, Front[]>();
  const add = (service: K8sObject | undefined, front: Front): void => {
    if (service) frontsOf.set(service, [...(frontsOf.get(service) ?? []), front]);
  };
  for (const object of model.objects) {
    if (object.kind === 'Ingress' && (object.group === 'networking.k8s.io' || object.group === 'extensions')) ingressFronts(model, object, add);
    else if (GATEWAY_ROUTE_KINDS.has(object.kind) && object.group === GATEWAY_API_GROUP) gatewayRouteFronts(model, object, add);
    else if (object.kind === 'Route' && object.group === OPENSHIFT_ROUTE_GROUP) openshiftRouteFronts(model, object, add);
    else if (object.kind === 'VirtualService' && object.group === ISTIO_GROUP) virtualServiceFronts(model, servicesOf, object, add);
  }
  return { servicesOf, frontsOf, knativeDomainPrivate: knativeDomainPrivate(model), kserve: kserveConfig(model) };
}

type AddFront = (service: K8sObject | undefined, front: Front) => void;

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
  const backends: Array<{ backend: Node; where: string }> = [
    { backend: spec.get('defaultBackend'), where: 'by default' },
    { backend: spec.get('backend'), where: 'by default' },
  ];
  for (const rule of spec.get('rules').items()) {
    const host = rule.get('host').str();
    for (const path of rule.get('http', 'paths').items()) {
      const where = `${host ?? '*'}${path.get('path').str() ?? ''}`;
      backends.push({ backend: path.get('backend'), where });
    }
  }
  for (const { backend, where } of backends) {
    const v1 = backend.get('service');
    const nameNode = v1.exists ? v1.get('name') : backend.get('serviceName');
    const name = nameNode.str();
    if (name === undefined) continue;
    const port = v1.exists ? (v1.get('port', 'number').exists ? ingressPortRef(v1.get('port', 'number')) : ingressPortRef(v1.get('port', 'name'))) : ingressPortRef(backend.get('servicePort'));
    if (!port) continue;
    const description = `Ingress ${display(ingress)} sends ${where} to Service ${name} ${portRefText(port)}`;
    add(service(model, name, ingress.namespace, ingress), { kind: 'ingress', hop: { object: ingress, at: nameNode, description }, port, internetFacing });
  }
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
      add(service(model, name, ref.get('namespace').str() ?? route.namespace, route), { kind: 'gateway-route', hop: { object: route, at: nameNode, description }, port, internetFacing });
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
    add(service(model, name, route.namespace, route), { kind: 'openshift-route', hop: { object: route, at: nameNode, description }, port, internetFacing: true });
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
        add(service(model, target.name, target.namespace, virtualService), { kind: 'virtual-service', hop: { object: virtualService, at: hostNode, description }, port, internetFacing });
      }
    }
  }
}

/**
 * An Istio Gateway is not internet-facing when it says so by name (`knative-local-gateway`, `cluster-local-gateway`)
 * or none of the Services in front of its pods (any namespace, as Istio selects) is an internet-facing load balancer.
 * A Gateway, or gateway pods, outside the scanned set are taken as internet-facing.
 */
function istioGatewayInternal(model: KubernetesModel, servicesOf: ReadonlyMap<Workload, readonly K8sObject[]>, from: K8sObject, reference: string): boolean {
  const [namespace, name] = reference.includes('/') ? (reference.split('/', 2) as [string, string]) : [from.namespace, reference];
  if (/local|internal|private/i.test(name)) return true;
  const gateway = findObject(model, { kind: 'Gateway', groups: new Set([ISTIO_GROUP]), namespace, name, near: from });
  const selector = gateway?.root.get('spec', 'selector');
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
  const spec = service.root.get('spec');
  if (isInternalLoadBalancer(service.annotations, spec.get('loadBalancerClass').str())) return false;
  const field = spec.get('loadBalancerSourceRanges');
  if (field.isWritten()) {
    if (!Array.isArray(field.value)) return false;
    const ranges = field.items().map((item) => item.str());
    if (ranges.some((range) => range === undefined)) return false;
    if (ranges.length > 0) return (ranges as string[]).some(isOpenRange);
  }
  const annotation = service.root.get('metadata', 'annotations', 'service.beta.kubernetes.io/load-balancer-source-ranges');
  if (!annotation.isWritten()) return true;
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

function parseJson(node: Node): Record<string, unknown> | undefined {
  const text = node.str();
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** KServe's `inferenceservice-config` ConfigMap, when scanned; otherwise the upstream defaults (Ingress created, mode unknown). */
function kserveConfig(model: KubernetesModel): KServeConfig {
  const config = model.byType('k8s:ConfigMap').find((object) => object.group === '' && object.name === 'inferenceservice-config');
  if (!config) return { rawIngressDisabled: false, defaultMode: undefined };
  const ingress = parseJson(config.root.get('data', 'ingress'));
  const deploy = parseJson(config.root.get('data', 'deploy'));
  const mode = deploy?.['defaultDeploymentMode'];
  return {
    rawIngressDisabled: ingress?.['disableIngressCreation'] === true || ingress?.['ingressDomain'] === CLUSTER_LOCAL_DOMAIN,
    defaultMode: typeof mode === 'string' ? mode : undefined,
  };
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

function frontMatches(ref: PortRef, servicePort: Node, target: number, portCount: number): boolean {
  switch (ref.by) {
    case 'port':
      return servicePort.get('port').value === ref.value;
    case 'name':
      return servicePort.get('name').str() === ref.value;
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
        if (frontMatches(front.port, servicePort, target, ports.length)) paths.push({ kind: front.kind, exposed: true, internetFacing: front.internetFacing, hops: [front.hop, hop] });
      }
    }
  }
  paths.push(...hostPaths(workload, query.number));
  const route = operatorRoute(model, index, workload, query.number);
  if (route) paths.push(route);
  const exposed = paths.some((path) => path.exposed);
  return { port: query.number, published: paths.length > 0, exposed, internetFacing: paths.some((path) => path.internetFacing), paths };
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
 * ConfigMap disables Ingress creation; `exposed` (OpenShift AI) asks for a Route. With no mode written and
 * no ConfigMap to give the default, the route counts only when both modes would create it.
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
  if (mode === undefined && serverless && raw) return { at: decidedAt(object, knative, kserve), mode: 'default mode' };
  return undefined;
}

