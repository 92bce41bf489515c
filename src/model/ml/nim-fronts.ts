// The ways in that the NVIDIA NIM operator creates from a NIMService's `spec.expose`: the resource has no pod
// template and the generated Service, Ingress and routes are not in the files, so they are read from it.
import { nimServiceFacts } from '../adapt/crds/nim.js';
import type { GeneratedFront } from '../auth-front.js';
import { isInternalGateway, isInternalIngressSettings, isInternalLoadBalancer } from '../exposure.js';
import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import { findObject } from '../references.js';
import type { Node } from '../value.js';

const GATEWAY_GROUPS = new Set(['gateway.networking.k8s.io']);

/** A front the NIM operator creates from a NIMService's `spec.expose`, with what makes it reachable. */
export interface NimFront {
  readonly front: GeneratedFront;
  readonly at: Node;
  readonly internetFacing: boolean;
  readonly description: string;
}

/**
 * The operator's fronts, from NVIDIA/k8s-nim-operator api/apps/v1alpha1/common_types.go (Expose,
 * Service, Ingress, Router): `expose.service.type` (ClusterIP unless written), `expose.ingress`
 * (deprecated; an Ingress from `spec` when `enabled`), `expose.router.ingress` (an Ingress of
 * `ingressClass` carrying `router.annotations`) and `expose.router.gateway` (an HTTPRoute on that Gateway
 * unless `httpRoutesEnabled: false`; a GRPCRoute when `grpcRoutesEnabled`).
 */
export function nimFronts(model: KubernetesModel, nim: K8sObject): NimFront[] {
  const facts = nimServiceFacts(nim);
  const expose = nim.root.get('spec', 'expose');
  const fronts: NimFront[] = [];
  const type = facts.serviceType.str();
  if (type === 'LoadBalancer' || type === 'NodePort') {
    const annotations = expose.get('service', 'annotations').stringRecord();
    const internetFacing = type === 'LoadBalancer' && !isInternalLoadBalancer(annotations);
    fronts.push({ front: { kind: type === 'LoadBalancer' ? 'load-balancer' : 'node-port', owner: nim }, at: facts.serviceType, internetFacing, description: `its ${type} Service (spec.expose.service.type)` });
  }
  if (facts.ingress.get('enabled').isTrue()) {
    const annotations = facts.ingress.get('annotations');
    const className = facts.ingress.get('spec', 'ingressClassName').str();
    const internetFacing = !isInternalIngressSettings(model, className, annotations.stringRecord());
    fronts.push({ front: { kind: 'ingress', owner: nim, annotations }, at: facts.ingress.get('enabled'), internetFacing, description: `its Ingress${className ? ` (class ${className})` : ''} (spec.expose.ingress)` });
  }
  const routerAnnotations = facts.router.get('annotations');
  const routerIngress = facts.router.get('ingress');
  if (routerIngress.isMap()) {
    const className = routerIngress.get('ingressClass').str();
    const internetFacing = !isInternalIngressSettings(model, className, routerAnnotations.stringRecord());
    fronts.push({ front: { kind: 'ingress', owner: nim, annotations: routerAnnotations }, at: routerIngress, internetFacing, description: `its Ingress${className ? ` (class ${className})` : ''} (spec.expose.router.ingress)` });
  }
  const gateway = facts.router.get('gateway');
  const name = gateway.get('name').str();
  // HTTP routes are on unless turned off; a value decided at deploy time is not evidence of a route.
  const http = gateway.get('httpRoutesEnabled');
  const routes = (http.state !== 'unknown' && !http.isFalse()) || gateway.get('grpcRoutesEnabled').isTrue();
  if (gateway.isMap() && name !== undefined && routes) {
    const namespace = gateway.get('namespace').str() ?? nim.namespace;
    const object = findObject(model, { kind: 'Gateway', groups: GATEWAY_GROUPS, namespace, name, near: nim });
    // A Gateway outside the scanned set is taken as internet-facing, as port-exposure takes it.
    const internetFacing = object === undefined || !isInternalGateway(object);
    const where = namespace ? `${namespace}/${name}` : name;
    fronts.push({ front: { kind: 'gateway-route', owner: nim, gateways: [{ name, namespace, object }] }, at: gateway, internetFacing, description: `its route on Gateway ${where} (spec.expose.router.gateway)` });
  }
  return fronts;
}
