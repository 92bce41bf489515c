import type { K8sObject, KubernetesModel } from './kubernetes.js';
import { findObject } from './references.js';
import { labelSelectorMatches } from './selectors.js';
import type { Node } from './value.js';

// Which listeners of a Gateway API Gateway an HTTPRoute / GRPCRoute attaches to (apis/v1
// shared_types.go ParentReference, gateway_types.go Listener / AllowedRoutes):
// - `sectionName` names one listener, `port` picks the listeners on that port; without either the route
//   attaches to every listener that accepts it.
// - A listener accepts the route kinds of `allowedRoutes.kinds`, by default those its protocol carries
//   (HTTP and HTTPS: HTTPRoute and GRPCRoute), from the namespaces of `allowedRoutes.namespaces.from`
//   (default `Same`; `All`; `Selector` by the namespace's labels).
// - Core protocol names (`HTTP`, `HTTPS`, …) are case-insensitive.
// - A listener `hostname` and the route's `hostnames` must intersect when both are written; a wildcard
//   (`*.example.com`) matches one or more leading labels.

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const GATEWAY_GROUPS = new Set([GATEWAY_API_GROUP]);
const CORE = new Set(['']);
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTPS']);
const HTTP_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute']);

/** One `parentRefs` item naming a Gateway in the scanned set, and the listeners the route attaches to there. */
export interface RouteAttachment {
  readonly gateway: K8sObject;
  readonly parentRef: Node;
  /** The listeners that take the route; undefined when that cannot be decided from the scanned files. */
  readonly listeners: readonly Node[] | undefined;
}

/** The Gateways (in the scanned set) an HTTPRoute or GRPCRoute names, with the listeners it attaches to. */
export function routeAttachments(model: KubernetesModel, route: K8sObject): RouteAttachment[] {
  const out: RouteAttachment[] = [];
  for (const ref of route.root.get('spec', 'parentRefs').items()) {
    const name = ref.get('name').str();
    if (name === undefined || (ref.get('kind').str() ?? 'Gateway') !== 'Gateway' || (ref.get('group').str() ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP) continue;
    const namespace = ref.get('namespace').str() ?? route.namespace;
    const gateway = findObject(model, { kind: 'Gateway', groups: GATEWAY_GROUPS, namespace, name, near: route });
    if (!gateway) continue;
    out.push({ gateway, parentRef: ref, listeners: attachedListeners(model, route, ref, gateway) });
  }
  return out;
}

function attachedListeners(model: KubernetesModel, route: K8sObject, ref: Node, gateway: K8sObject): Node[] | undefined {
  const sectionName = ref.get('sectionName');
  const port = ref.get('port');
  if ((sectionName.isWritten() && sectionName.str() === undefined) || (port.isWritten() && typeof port.value !== 'number')) return undefined;
  const listeners = gateway.root.get('spec', 'listeners');
  if (!Array.isArray(listeners.value)) return undefined;
  const out: Node[] = [];
  for (const listener of listeners.items()) {
    if (sectionName.isWritten() && listener.get('name').str() !== sectionName.str()) continue;
    if (port.isWritten() && listener.get('port').value !== port.value) continue;
    const accepts = acceptsRoute(model, listener, route, gateway);
    if (accepts === undefined) return undefined;
    if (accepts) out.push(listener);
  }
  return out;
}

/** A listener's protocol, upper-cased: core protocol names are case-insensitive (gateway_types.go ProtocolType). */
export function listenerProtocol(listener: Node): string | undefined {
  return listener.get('protocol').str()?.toUpperCase();
}

/** Whether a listener takes the route: its kind, its namespace, its hostnames; undefined when not readable. */
function acceptsRoute(model: KubernetesModel, listener: Node, route: K8sObject, gateway: K8sObject): boolean | undefined {
  const protocol = listenerProtocol(listener);
  if (protocol === undefined) return undefined;
  const kinds = listener.get('allowedRoutes', 'kinds');
  if (kinds.isWritten() && kinds.items().length > 0) {
    const listed = kinds.items().some((kind) => kind.get('kind').str() === route.kind && (kind.get('group').str() ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP);
    if (!listed) return false;
  } else if (!HTTP_PROTOCOLS.has(protocol) || !HTTP_ROUTE_KINDS.has(route.kind)) {
    return false;
  }
  const namespaces = listener.get('allowedRoutes', 'namespaces');
  const from = namespaces.get('from').str() ?? 'Same';
  if (from === 'Same' && (route.namespace ?? '') !== (gateway.namespace ?? '')) return false;
  if (from === 'Selector') {
    const matches = namespaceSelected(model, namespaces.get('selector'), route.namespace);
    if (matches !== true) return matches;
  } else if (from !== 'Same' && from !== 'All') {
    return undefined;
  }
  return hostnamesIntersect(listener.get('hostname'), route.root.get('spec', 'hostnames'));
}

/**
 * A namespace's labels: those of its Namespace object when scanned, and always
 * `kubernetes.io/metadata.name`. A selector that needs other labels of a namespace not scanned is unknown.
 */
function namespaceSelected(model: KubernetesModel, selector: Node, namespace: string | undefined): boolean | undefined {
  if (namespace === undefined) return undefined;
  const object = findObject(model, { kind: 'Namespace', groups: CORE, namespace: undefined, name: namespace });
  const labels = { ...(object?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
  if (labelSelectorMatches(selector, labels)) return true;
  return object ? false : undefined;
}

/** Both written: some pair must match (a listener without `hostname`, or a route without `hostnames`, matches all). */
function hostnamesIntersect(listenerHostname: Node, routeHostnames: Node): boolean | undefined {
  if (!listenerHostname.isWritten() || routeHostnames.items().length === 0) return true;
  const listener = listenerHostname.str();
  const routes = routeHostnames.items().map((item) => item.str());
  if (listener === undefined || routes.some((host) => host === undefined)) return undefined;
  return (routes as string[]).some((host) => hostnameMatch(listener.toLowerCase(), host.toLowerCase()));
}

function hostnameMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const wildcardA = a.startsWith('*.');
  const wildcardB = b.startsWith('*.');
  if (wildcardA && !wildcardB) return b.endsWith(a.slice(1));
  if (wildcardB && !wildcardA) return a.endsWith(b.slice(1));
  if (wildcardA && wildcardB) return a.endsWith(b.slice(1)) || b.endsWith(a.slice(1));
  return false;
}
