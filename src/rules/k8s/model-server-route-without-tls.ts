import type { Severity } from '../../findings/finding.js';
import { listenerProtocol, routeAttachments } from '../../model/gateway-listeners.js';
import { hostCovered, ingressTls, ruleHostOf } from '../../model/ingress-tls.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { describeReaches, serverExposurePaths } from '../../model/ml/server-paths.js';
import type { ServerReach } from '../../model/ml/server-paths.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** One cleartext front: where it is reported, what it says, what it carries. */
interface Gap {
  readonly messageId: 'ingressNoTls' | 'ingressHostNotCovered' | 'routeNoTls' | 'routeInsecureAllowed' | 'gatewayHttpOnly';
  readonly object: K8sObject;
  readonly at: Node;
  readonly data: Record<string, string>;
  /** HTTPRoutes / GRPCRoutes a Gateway finding carries. */
  readonly routes: Set<string>;
  readonly reaches: ServerReach[];
  internetFacing: boolean;
}

const HTTP_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute']);

function key(object: K8sObject, at: Node): string {
  return `${object.file.path}\u0000${object.doc.start}\u0000${at.path.join('/')}`;
}

/** Where the path's outermost hop serves in clear text, or undefined when it is encrypted or cannot be told. */
function gapsOf(model: KubernetesModel, path: ExposurePath): Array<Omit<Gap, 'routes' | 'reaches' | 'internetFacing'> & { route?: string }> {
  const hop = path.hops[0];
  if (!hop) return [];
  const object = hop.object;
  const name = object.name ?? '(unnamed)';
  if (path.kind === 'ingress' && object.kind === 'Ingress') {
    const tls = ingressTls(object);
    if (tls.kind === 'none') return [{ messageId: 'ingressNoTls', object, at: tls.at, data: { name } }];
    // A backend of `defaultBackend` or of a rule without a host gets the controller's choice of certificate.
    const host = ruleHostOf(object, hop.at);
    const text = host?.str();
    if (tls.kind !== 'hosts' || host === undefined || text === undefined || tls.hosts.some((tlsHost) => hostCovered(text, tlsHost))) return [];
    return [{ messageId: 'ingressHostNotCovered', object, at: host, data: { name, host: text } }];
  }
  if (path.kind === 'openshift-route' && object.kind === 'Route') {
    const tls = object.root.get('spec', 'tls');
    if (!tls.isWritten()) return [{ messageId: 'routeNoTls', object, at: tls, data: { name } }];
    const insecure = tls.get('insecureEdgeTerminationPolicy');
    return insecure.str() === 'Allow' ? [{ messageId: 'routeInsecureAllowed', object, at: insecure, data: { name } }] : [];
  }
  if (path.kind === 'gateway-route' && HTTP_ROUTE_KINDS.has(object.kind)) {
    const out: Array<Omit<Gap, 'routes' | 'reaches' | 'internetFacing'> & { route?: string }> = [];
    for (const { gateway, listeners } of routeAttachments(model, object)) {
      // Unknown attachment, a detached route, or a route some HTTPS listener serves.
      if (!listeners || listeners.length === 0 || listeners.some((listener) => listenerProtocol(listener) !== 'HTTP')) continue;
      // Where IG-K8S-119 reports a Gateway without any encrypted listener: its first HTTP listener.
      const all = gateway.root.get('spec', 'listeners').items();
      const encrypted = all.some((listener) => listenerProtocol(listener) === 'HTTPS' || listenerProtocol(listener) === 'TLS');
      const first = encrypted ? listeners[0] : (all.find((listener) => listenerProtocol(listener) === 'HTTP') ?? listeners[0]);
      const names = listeners.map((listener) => `'${listener.get('name').str() ?? '?'}'`).join(', ');
      out.push({ messageId: 'gatewayHttpOnly', object: gateway, at: (first as Node).get('protocol'), data: { name: gateway.name ?? '(unnamed)', listeners: names }, route: `${object.kind} '${name}'` });
    }
    return out;
  }
  return [];
}

export const modelServerRouteWithoutTls = defineRule({
  meta: {
    id: 'IG-K8S-015',
    name: 'model-server-route-without-tls',
    title: 'Ingress/Route to a model server without TLS',
    severity: 'medium',
    rationale:
      "What a model endpoint carries is the sensitive part of the service: prompts and completions (often personal or confidential data, retrieved documents, tool outputs), input tensors and predictions, and the API keys or bearer tokens that meter GPU spend. Served over plain HTTP, anyone on the network path (a shared node, a compromised pod with the right position, a cloud network tap, the Wi-Fi of the caller) can read them, replay the keys, or alter a response in flight, and the client cannot tell (AML.T0024 exfiltration through the inference API). An OpenShift Route with `insecureEdgeTerminationPolicy: Allow` and a Gateway API route attached only to HTTP listeners do the same with TLS configured elsewhere.\n\nThis rule replaces IG-K8S-119 (ingress-without-tls) for an Ingress or Gateway in front of a model server: one finding, at the higher severity. Severity is raised to high when the route is internet-facing (catalogue F.0).",
    remediation:
      'Terminate TLS at the edge and redirect HTTP: on an Ingress, add `spec.tls` with a certificate (cert-manager, or the load balancer certificate annotations such as `alb.ingress.kubernetes.io/certificate-arn`) covering every host that routes to the model server; on an OpenShift Route, set `spec.tls.termination: edge` (or `reencrypt`) and `insecureEdgeTerminationPolicy: Redirect` or `None`; on a Gateway API Gateway, add an `HTTPS` listener with `tls.certificateRefs`, attach the model route to it (`parentRefs[].sectionName`), and keep port 80 for a `RequestRedirect` to https only.',
    references: [
      'https://docs.nvidia.com/nim/ingestion/parse/latest/security.html',
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
      'https://gateway-api.sigs.k8s.io/guides/tls/',
      'https://github.com/kubernetes-sigs/gateway-api/blob/main/apis/v1/shared_types.go',
      'https://docs.redhat.com/en/documentation/openshift_container_platform/3.11/html/architecture/secured-routes',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0024'], owasp: ['LLM02'], nist: ['SC-8'] },
    targets: ['k8s:Ingress', 'k8s:Route', 'k8s:HTTPRoute', 'k8s:GRPCRoute', 'k8s:Gateway'],
    fix: 'none',
    supersedes: ['IG-K8S-119'],
    messages: {
      ingressNoTls: "Ingress '{{name}}' has no `spec.tls` and routes to {{reaches}}: requests, responses and the API keys sent with them cross the network as plain HTTP.",
      ingressHostNotCovered: "Ingress '{{name}}' routes host '{{host}}' to {{reaches}}, and no `spec.tls` entry covers that host: requests, responses and the API keys sent with them cross the network as plain HTTP.",
      routeNoTls: "Route '{{name}}' has no `spec.tls` and sends traffic to {{reaches}}: the router serves it as plain HTTP.",
      routeInsecureAllowed: "Route '{{name}}' sets `insecureEdgeTerminationPolicy: Allow`: besides HTTPS, the router serves {{reaches}} as plain HTTP on port 80.",
      gatewayHttpOnly: "Gateway '{{name}}' carries {{routes}} to {{reaches}} only on plain-HTTP listeners ({{listeners}}): no HTTPS listener takes the route, so requests, responses and the API keys sent with them cross the network in clear text.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
          ports: [{ containerPort: 8000, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: serving }
spec:
  selector: { app: vllm }
  ports: [{ name: http, port: 8000, targetPort: http }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: vllm, namespace: serving }
spec:
  ingressClassName: nginx
  rules:
    - host: llm.example.com
      http:
        paths:
          - path: /v1
            pathType: Prefix
            backend:
              service: { name: vllm, port: { number: 8000 } }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "Qwen/Qwen2.5-7B-Instruct"]
          ports: [{ containerPort: 8000, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: serving }
spec:
  selector: { app: vllm }
  ports: [{ name: http, port: 8000, targetPort: http }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: vllm, namespace: serving }
spec:
  ingressClassName: nginx
  tls:
    - hosts: [llm.example.com]
      secretName: llm-example-com-tls
  rules:
    - host: llm.example.com
      http:
        paths:
          - path: /v1
            pathType: Prefix
            backend:
              service: { name: vllm, port: { number: 8000 } }
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const gaps = new Map<string, Gap>();
        for (const workload of model.workloads) {
          for (const container of workload.containers) {
            const server = container.role === 'container' ? modelServerFacts(model, container) : undefined;
            if (!server) continue;
            for (const { port, declared, path } of serverExposurePaths(model, server)) {
              for (const found of gapsOf(model, path)) {
                const id = key(found.object, found.at);
                let gap = gaps.get(id);
                if (!gap) gaps.set(id, (gap = { ...found, routes: new Set(), reaches: [], internetFacing: false }));
                if (found.route !== undefined) gap.routes.add(found.route);
                gap.internetFacing ||= path.internetFacing;
                if (!gap.reaches.some((reach) => reach.server === server && reach.port === port)) gap.reaches.push({ server, port, declared });
              }
            }
          }
        }
        for (const gap of gaps.values()) {
          const severity: Severity = gap.internetFacing ? 'high' : modelServerRouteWithoutTls.meta.severity;
          const data = { ...gap.data, reaches: describeReaches(gap.reaches), routes: [...gap.routes].join(', ') };
          const related: RelatedHop[] = gap.reaches.map((reach) => ({ at: reach.declared ?? reach.server.container.node, message: `carries traffic to ${describeReaches([reach])}` }));
          context.report({ messageId: gap.messageId, data, at: gap.at, object: gap.object, severity, related });
        }
      },
    };
  },
});
