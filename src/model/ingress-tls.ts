import type { K8sObject } from './kubernetes.js';
import type { Node } from './value.js';

// Whether an Ingress serves its hosts over TLS, as IG-K8S-119 (any Ingress) and IG-K8S-015 (an
// Ingress in front of a model server) read it.

/**
 * Annotations that give an Ingress TLS outside `spec.tls`: a cloud load balancer's certificate
 * (AWS ALB, GKE, Azure Application Gateway), or TLS passed through to the pod (ingress-nginx).
 */
const TLS_ANNOTATIONS: ReadonlyArray<[string, (value: string) => boolean]> = [
  ['alb.ingress.kubernetes.io/certificate-arn', (value) => value !== ''],
  ['networking.gke.io/managed-certificates', (value) => value !== ''],
  ['ingress.gcp.kubernetes.io/pre-shared-cert', (value) => value !== ''],
  ['appgw.ingress.kubernetes.io/appgw-ssl-certificate', (value) => value !== ''],
  ['nginx.ingress.kubernetes.io/ssl-passthrough', (value) => value === 'true'],
];

/**
 * The TLS an Ingress declares: a certificate given by annotation, none (`at` is `spec.tls`), an entry
 * without `hosts` (the controller's default certificate, for every host), the hosts its entries
 * list, or something that cannot be read (a `tls` that is not a list, a host that is not a string).
 */
export type IngressTls =
  | { readonly kind: 'annotation' }
  | { readonly kind: 'none'; readonly at: Node }
  | { readonly kind: 'all' }
  | { readonly kind: 'hosts'; readonly hosts: readonly string[] }
  | { readonly kind: 'unknown' };

export function ingressTls(ingress: K8sObject): IngressTls {
  const byAnnotation = TLS_ANNOTATIONS.some(([key, configures]) => {
    const value = ingress.annotations[key];
    return value !== undefined && configures(value.trim().toLowerCase());
  });
  if (byAnnotation) return { kind: 'annotation' };
  const tls = ingress.root.get('spec', 'tls');
  if (tls.isWritten() && !Array.isArray(tls.value)) return { kind: 'unknown' };
  const entries = tls.items();
  if (entries.length === 0) return { kind: 'none', at: tls };
  const hosts: string[] = [];
  for (const entry of entries) {
    const list = entry.get('hosts');
    if (!list.isWritten() || (Array.isArray(list.value) && list.value.length === 0)) return { kind: 'all' };
    if (!Array.isArray(list.value)) return { kind: 'unknown' };
    for (const item of list.items()) {
      const host = item.str();
      if (host === undefined) return { kind: 'unknown' };
      hosts.push(host);
    }
  }
  return { kind: 'hosts', hosts };
}

/** `*.example.com` covers exactly one more label (`a.example.com`, not `example.com` nor `a.b.example.com`). */
export function hostCovered(host: string, tlsHost: string): boolean {
  const wanted = host.toLowerCase();
  const pattern = tlsHost.toLowerCase();
  if (!pattern.startsWith('*.')) return wanted === pattern;
  if (wanted === pattern) return true;
  const suffix = pattern.slice(1);
  return wanted.endsWith(suffix) && !wanted.slice(0, -suffix.length).includes('.') && wanted.length > suffix.length;
}

/**
 * The host of the `spec.rules[]` item that holds a backend (a node under the Ingress), undefined for
 * `defaultBackend` or a rule without a host: the catch-all, whose certificate is the controller's choice.
 */
export function ruleHostOf(ingress: K8sObject, backend: Node): Node | undefined {
  const relative = backend.path.slice(ingress.root.path.length);
  if (relative[0] !== 'spec' || relative[1] !== 'rules' || typeof relative[2] !== 'number') return undefined;
  const host = ingress.root.get('spec', 'rules', relative[2], 'host');
  return host.isWritten() ? host : undefined;
}
