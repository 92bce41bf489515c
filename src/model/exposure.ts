import type { K8sObject, KubernetesModel } from './kubernetes.js';
import type { Node } from './value.js';

/**
 * Annotations (lower-cased value) that make a cloud controller provision a private load balancer.
 * AWS in-tree: any value but "false" means internal; the other providers want the exact value.
 */
const INTERNAL_ANNOTATIONS: ReadonlyArray<[string, (value: string) => boolean]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (value) => value !== 'false'],
  ['networking.gke.io/load-balancer-type', (value) => value === 'internal'],
  ['cloud.google.com/load-balancer-type', (value) => value === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (value) => value === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (value) => value === 'true'],
  ['oci-network-load-balancer.oraclecloud.com/internal', (value) => value === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (value) => value === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', (value) => value === 'intranet'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (value) => value === 'true'],
];

const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';

/**
 * Whether load-balancer annotations (of a Service, or of a Gateway's `spec.infrastructure`) ask
 * for a private address. The AWS Load Balancer Controller (it owns `aws-load-balancer-type:
 * external` / `nlb-ip` and `loadBalancerClass: service.k8s.aws/nlb`) defaults to internal.
 */
export function isInternalLoadBalancer(annotations: Readonly<Record<string, string>>, loadBalancerClass?: string): boolean {
  const scheme = annotations[AWS_SCHEME]?.toLowerCase();
  if (scheme === 'internal') return true;
  if (scheme === 'internet-facing') return false;
  for (const [key, isInternal] of INTERNAL_ANNOTATIONS) {
    const value = annotations[key];
    if (value !== undefined && isInternal(value.trim().toLowerCase())) return true;
  }
  if (loadBalancerClass === 'networking.gke.io/l4-regional-internal') return true;
  const awsType = annotations[AWS_TYPE]?.toLowerCase();
  return loadBalancerClass === 'service.k8s.aws/nlb' || awsType === 'external' || awsType === 'nlb-ip';
}

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** `0.0.0.0/0`, `::/0` or any other CIDR with a zero-length prefix: every address. */
export function isOpenRange(cidr: string): boolean {
  return /\/0+$/.test(cidr.trim());
}

/** What a LoadBalancer Service's source ranges allow: an open range (and where it is written), only listed ranges, none written, or unreadable. */
export type SourceRanges = { kind: 'open'; at: Node; range: string } | { kind: 'restricted' } | { kind: 'none' } | { kind: 'unknown' };

/** `spec.loadBalancerSourceRanges` wins over the older annotation when it lists anything. */
export function loadBalancerSourceRanges(service: K8sObject): SourceRanges {
  const field = service.root.get('spec', 'loadBalancerSourceRanges');
  if (field.isWritten()) {
    if (!Array.isArray(field.value)) return { kind: 'unknown' };
    const items = field.items();
    if (items.length > 0) {
      if (items.some((item) => item.str() === undefined)) return { kind: 'unknown' };
      const open = items.find((item) => isOpenRange(item.str() as string));
      return open ? { kind: 'open', at: open, range: (open.str() as string).trim() } : { kind: 'restricted' };
    }
  }
  const annotation = service.root.get('metadata', 'annotations', SOURCE_RANGES_ANNOTATION);
  if (!annotation.isWritten()) return { kind: 'none' };
  const text = annotation.str();
  if (text === undefined) return { kind: 'unknown' };
  const ranges = text.split(',').map((range) => range.trim()).filter((range) => range !== '');
  if (ranges.length === 0) return { kind: 'none' };
  const open = ranges.find(isOpenRange);
  return open ? { kind: 'open', at: annotation, range: open } : { kind: 'restricted' };
}

function ingressClassOf(ingress: K8sObject): string | undefined {
  return ingress.root.get('spec', 'ingressClassName').str() ?? ingress.annotations['kubernetes.io/ingress.class'];
}

/**
 * An Ingress is taken as internet-facing unless it says otherwise: an internal class
 * (`gce-internal`, `nginx-internal`, …), an internal ALB (the AWS Load Balancer Controller's
 * default scheme is `internal`), or an Application Gateway private frontend.
 */
export function isInternalIngress(model: KubernetesModel, ingress: K8sObject): boolean {
  return isInternalIngressSettings(model, ingressClassOf(ingress), ingress.annotations);
}

/** The same, from an Ingress class and annotations an operator will write on the Ingress it creates (a NIMService's `expose`). */
export function isInternalIngressSettings(model: KubernetesModel, className: string | undefined, annotations: Readonly<Record<string, string>>): boolean {
  if (className !== undefined && /internal/i.test(className)) return true;
  const scheme = annotations['alb.ingress.kubernetes.io/scheme']?.trim().toLowerCase();
  if (scheme === 'internal') return true;
  if (annotations['appgw.ingress.kubernetes.io/use-private-ip']?.trim().toLowerCase() === 'true') return true;
  if (className === undefined) return false;
  const ingressClass = model.byType('k8s:IngressClass').find((candidate) => candidate.name === className);
  const isAlb = className === 'alb' || ingressClass?.root.get('spec', 'controller').str() === 'ingress.k8s.aws/alb';
  return isAlb && scheme !== 'internet-facing';
}

/** A Gateway is internal when its class says so (`gke-l7-rilb`, `*-internal-*`) or its load balancer is private. */
export function isInternalGateway(gateway: K8sObject): boolean {
  const className = gateway.root.get('spec', 'gatewayClassName').str() ?? '';
  if (/internal|rilb/i.test(className)) return true;
  return isInternalLoadBalancer(gateway.root.get('spec', 'infrastructure', 'annotations').stringRecord());
}
