// Whether a URL written in a manifest (a payload logger sink, an InferenceGraph step) stays inside
// the cluster: Kubernetes DNS names (`svc`, `svc.ns`, `svc.ns.svc`, `….svc.cluster.local`) versus
// hosts on other networks.

export interface ServiceUrl {
  /** Lower case, without `://`: `http`, `https`, `grpc`. */
  readonly scheme: string;
  readonly host: string;
  /** True for cluster DNS names and the pod itself; false for other hosts; undefined when it cannot be told (a private IP, a template). */
  readonly inCluster: boolean | undefined;
}

/**
 * Top-level domains that a `name.namespace` service reference would be mistaken for. A two-label
 * host ending in one of them is a public name; any other two-label host is read as `service.namespace`.
 */
const PUBLIC_TLDS = new Set([
  'com', 'net', 'org', 'io', 'ai', 'dev', 'app', 'cloud', 'co', 'info', 'biz', 'xyz', 'tech', 'me', 'us', 'uk', 'de', 'eu', 'fr', 'nl', 'jp', 'cn', 'in', 'ca', 'au', 'ch', 'se', 'no', 'es', 'it', 'br', 'ru', 'kr', 'sg', 'gov', 'edu',
]);

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const numbers = parts.map(Number);
  return numbers.every((n) => n <= 255) ? numbers : undefined;
}

function hostInCluster(host: string): boolean | undefined {
  if (/[{}$`]/.test(host)) return undefined;
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  const ip = ipv4(host);
  if (ip) {
    const [a = 0, b = 0] = ip;
    if (a === 127) return true;
    // A private address may be a ClusterIP or a host elsewhere in the VPC: not evidence either way.
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return undefined;
    return false;
  }
  if (host.startsWith('[')) return undefined; // IPv6 literal
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length === 1) return true; // a Service in the same namespace
  if (labels.includes('svc') || host.endsWith('.cluster.local')) return true;
  if (labels.length === 2) return !PUBLIC_TLDS.has(labels[1] as string);
  return false;
}

/** `http://message-dumper.default/` → http, message-dumper.default, in cluster. Undefined when it is not an absolute URL. */
export function parseServiceUrl(text: string): ServiceUrl | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(text.trim());
  if (!match) return undefined;
  const host = (match[2] as string).toLowerCase();
  if (host === '') return undefined;
  return { scheme: (match[1] as string).toLowerCase(), host, inCluster: hostInCluster(host) };
}

/** A Service a URL names by its cluster DNS name, with the port the client connects to. */
export interface ClusterServiceAddress {
  readonly name: string;
  /** As the name writes it, else the client's own namespace (the pod's DNS search path). */
  readonly namespace: string | undefined;
  readonly port: number;
}

/**
 * `http://mlflow:5000`, `http://mlflow.mlops`, `https://mlflow.mlops.svc.cluster.local` → the Service and
 * port (80 / 443 by scheme when none is written), as a pod in `namespace` resolves it. Undefined for other
 * hosts (addresses, public names, pod or headless-subdomain names) and for schemes other than http(s).
 */
export function clusterServiceOfUrl(text: string, namespace: string | undefined): ClusterServiceAddress | undefined {
  const match = /^(https?):\/\/(?:[^@/?#]*@)?([^:/?#]+)(?::(\d+))?(?:[/?#]|$)/i.exec(text.trim());
  if (!match) return undefined;
  const scheme = (match[1] as string).toLowerCase();
  const port = match[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(match[3]);
  const host = (match[2] as string).toLowerCase().replace(/\.$/, '');
  if (hostInCluster(host) !== true || host === 'localhost' || ipv4(host)) return undefined;
  const labels = host.split('.');
  const dns = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  if (!labels.every((label) => dns.test(label))) return undefined;
  // name, name.namespace, name.namespace.svc, name.namespace.svc.cluster.local
  const suffix = labels.slice(2).join('.');
  if (labels.length > 2 && suffix !== 'svc' && suffix !== 'svc.cluster.local') return undefined;
  return { name: labels[0] as string, namespace: labels[1] ?? namespace, port };
}
