// What the KubeRay operator creates around the head of a RayCluster (and of the cluster a RayService or
// RayJob creates): its head Service, its dashboard Ingress and the labels of its pods. None of them is
// in the manifests, yet Services, Ingresses and routes in the manifests name or select them. Checked
// against ray-project/kuberay ray-operator/controllers/ray/common service.go (BuildServiceForHeadPod,
// getServicePorts), ingress.go (BuildIngressForHeadService), pod.go (labelPod) and utils
// (GenerateHeadServiceName, CheckName, constant.go).
import { RAY_GROUP, rayClusterSpec } from './adapt/crds/ray.js';
import type { ContainerRef, K8sObject, Workload } from './kubernetes.js';
import type { Labels } from './selectors.js';
import type { Node } from './value.js';

const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);

/** `utils.getDefaultPorts`: the head Service's ports when the Ray container declares none. */
const DEFAULT_PORTS: ReadonlyArray<readonly [string, number]> = [
  ['client', 10001],
  ['gcs-server', 6379],
  ['dashboard', 8265],
  ['metrics', 8080],
  ['serve', 8000],
];
const METRICS_PORT: readonly [string, number] = ['metrics', 8080];
const DASHBOARD_PORT = 8265;

/** One port of the head Service: its number, name and the pod port it sends to (a name resolves against the pod). */
export interface KubeRayServicePort {
  readonly port: number;
  readonly name: string | undefined;
  /** A number, a port name, or undefined for "the same as `port`". */
  readonly targetPort: number | string | undefined;
  /** Where the port comes from: the container port, the `headService` port, or the object itself for an operator default. */
  readonly at: Node;
}

export interface KubeRayHeadService {
  /** The RayCluster, RayService or RayJob. */
  readonly object: K8sObject;
  /** Names other objects may use for it: `<name>-head-svc` or `headService.metadata.name`; none for a RayJob's own cluster (its name is random). */
  readonly names: readonly string[];
  /** `ClusterIP` (headless), `NodePort`, `LoadBalancer`; undefined when written but not readable. */
  readonly type: string | undefined;
  /** Where the type is decided: `headService.spec.type`, `serviceType`, else `headGroupSpec`. */
  readonly typeAt: Node;
  readonly ports: readonly KubeRayServicePort[];
  /** Annotations of the Service (`headServiceAnnotations` over `headService.metadata.annotations`), as mappings to read in that order. */
  readonly annotationMaps: readonly Node[];
  /** `headService.spec` (source ranges, load balancer class, externalIPs); absent without a custom head Service. */
  readonly spec: Node;
  /** `headGroupSpec.enableIngress`: the operator's Ingress (a Route on OpenShift) to the dashboard port. */
  readonly enableIngress: Node;
  /** The Service port the dashboard Ingress sends to: the container port named `dashboard`, else 8265. */
  readonly dashboardIngressPort: number;
}

function isKubeRayHead(workload: Workload): boolean {
  const object = workload.object;
  return object.group === RAY_GROUP && RAY_KINDS.has(object.kind) && workload.role === 'head';
}

/** The Ray container: index 0 of `containers` (`utils.RayContainerIndex`). */
function rayContainer(workload: Workload): ContainerRef | undefined {
  return workload.containers.find((container) => container.role === 'container');
}

/** `utils.CheckName`: at most 50 characters (the tail is kept), and never starting with a digit or a punctuation mark. */
export function kubeRayName(name: string): string {
  let out = name.length > 50 ? name.slice(name.length - 50) : name;
  if (/^[0-9\p{P}]/u.test(out)) out = `r${out.slice(1)}`;
  return out;
}

/** The type written (`headService.spec.type` wins over `serviceType`), ClusterIP when neither is. */
function serviceType(headGroup: Node, custom: Node): { type: string | undefined; at: Node } {
  const customType = custom.get('spec', 'type');
  if (customType.isWritten()) return { type: customType.str(), at: customType };
  const written = headGroup.get('serviceType');
  if (written.isWritten()) return { type: written.str(), at: written };
  return { type: 'ClusterIP', at: headGroup };
}

/**
 * The ports the operator lists: the Ray container's declared ports (a port without a name is named
 * `<n>-port`) plus metrics 8080 when no port is named `metrics`; the defaults when it declares none.
 * Undefined when the container's ports cannot be read.
 */
function operatorPorts(object: K8sObject, container: ContainerRef | undefined): KubeRayServicePort[] | undefined {
  const ports = container?.node.get('ports');
  if (ports?.isWritten() && !Array.isArray(ports.value)) return undefined;
  const declared: KubeRayServicePort[] = [];
  for (const entry of ports?.items() ?? []) {
    const number = entry.get('containerPort').value;
    if (typeof number !== 'number') continue;
    const name = entry.get('name').str() ?? `${number}-port`;
    declared.push({ port: number, name, targetPort: undefined, at: entry });
  }
  const at = object.root.get('metadata', 'name');
  if (declared.length === 0) return DEFAULT_PORTS.map(([name, port]) => ({ port, name, targetPort: undefined, at }));
  if (!declared.some((port) => port.name === METRICS_PORT[0])) declared.push({ port: METRICS_PORT[1], name: METRICS_PORT[0], targetPort: undefined, at });
  return declared;
}

/** `headService.spec.ports`: the custom Service's own ports, listed before the operator's. */
function customPorts(custom: Node): KubeRayServicePort[] {
  const out: KubeRayServicePort[] = [];
  for (const entry of custom.get('spec', 'ports').items()) {
    const port = entry.get('port').value;
    if (typeof port !== 'number') continue;
    const target = entry.get('targetPort').value;
    out.push({ port, name: entry.get('name').str(), targetPort: typeof target === 'number' || typeof target === 'string' ? target : undefined, at: entry });
  }
  return out;
}

/**
 * The head Service KubeRay creates for a head template, or undefined when the workload is not a KubeRay
 * head. A RayService gets two, with the same type and ports: its own `<name>-head-svc` and its
 * RayCluster's (named by `headService.metadata.name` when written); a RayJob's cluster has a random
 * name, so only a written `headService.metadata.name` is known.
 */
export function kubeRayHeadService(workload: Workload): KubeRayHeadService | undefined {
  if (!isKubeRayHead(workload)) return undefined;
  const object = workload.object;
  const spec = rayClusterSpec(object);
  const headGroup = spec.get('headGroupSpec');
  const custom = headGroup.get('headService');
  const customName = custom.get('metadata', 'name').str();
  const ownName = object.name === undefined ? undefined : kubeRayName(`${object.name}-head-svc`);
  const names = new Set<string>();
  if (object.kind === 'RayService' && ownName !== undefined) names.add(ownName);
  if (customName !== undefined && customName !== '') names.add(customName);
  else if (object.kind === 'RayCluster' && ownName !== undefined) names.add(ownName);
  const container = rayContainer(workload);
  const operator = operatorPorts(object, container);
  const ports = [...customPorts(custom), ...(operator ?? [])];
  const { type, at } = serviceType(headGroup, custom);
  const dashboard = container?.node
    .get('ports')
    .items()
    .find((entry) => entry.get('name').str() === 'dashboard')
    ?.get('containerPort').value;
  return {
    object,
    names: [...names],
    type,
    typeAt: at,
    ports,
    annotationMaps: [spec.get('headServiceAnnotations'), custom.get('metadata', 'annotations')],
    spec: custom.get('spec'),
    enableIngress: headGroup.get('enableIngress'),
    dashboardIngressPort: typeof dashboard === 'number' ? dashboard : DASHBOARD_PORT,
  };
}

/**
 * The labels KubeRay gives the pods of a head or worker template (`labelPod`): its own over what the
 * template writes for `ray.io/node-type`, `ray.io/group` and `ray.io/cluster`, the template's for the
 * rest. The cluster of a RayService or RayJob has a generated name: `ray.io/cluster` and
 * `ray.io/identifier` are left out, so that no selector naming them matches. Undefined for other templates.
 */
export function kubeRayPodLabels(workload: Workload, written: Labels): Labels | undefined {
  const object = workload.object;
  if (object.group !== RAY_GROUP || !RAY_KINDS.has(object.kind)) return undefined;
  const head = workload.role === 'head';
  if (!head && !workload.role.startsWith('worker:')) return undefined;
  const nodeType = head ? 'head' : 'worker';
  const labels: Record<string, string> = {
    'ray.io/is-ray-node': 'yes',
    'app.kubernetes.io/name': 'kuberay',
    'app.kubernetes.io/created-by': 'kuberay-operator',
    ...written,
    'ray.io/node-type': nodeType,
    'ray.io/group': head ? 'headgroup' : workload.role.slice('worker:'.length),
  };
  delete labels['ray.io/cluster'];
  if (object.kind === 'RayCluster' && object.name !== undefined) {
    labels['ray.io/cluster'] = object.name;
    if (!('ray.io/identifier' in written)) labels['ray.io/identifier'] = `${object.name}-${nodeType}`;
  } else if (!('ray.io/identifier' in written)) {
    delete labels['ray.io/identifier'];
  }
  return labels;
}
