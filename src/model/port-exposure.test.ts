import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { KubernetesModel, Workload } from './kubernetes.js';
import type { PortExposure, PortQuery } from './port-exposure.js';
import { exposureOfPort, exposureOfWorkload, operatorRouteOf } from './port-exposure.js';
import type { Node } from './value.js';

function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;
}

function lineOf(node: Node): number {
  const span = node.doc.spans.get(pointerOf(node.path));
  assert.ok(span, `no span for ${pointerOf(node.path)}`);
  return node.doc.file.positionAt(span.keyStart ?? span.start).line;
}

/** `kind [exposed] [internet]: Kind/name:line → …` for each path. */
function describePaths(exposure: PortExposure): string[] {
  return exposure.paths.map((path) => {
    const flags = [path.exposed ? 'exposed' : '', path.internetFacing ? 'internet' : ''].filter(Boolean).join(' ');
    const hops = path.hops.map((hop) => `${hop.object.kind}/${hop.object.name ?? ''}:${lineOf(hop.at)}`).join(' → ');
    return `${path.kind}${flags ? ` [${flags}]` : ''}: ${hops}`;
  });
}

function workloadOf(model: KubernetesModel, kind: string, role?: string): Workload {
  const workload = model.workloads.find((candidate) => candidate.object.kind === kind && (role === undefined || candidate.role === role));
  assert.ok(workload, `no ${kind} workload`);
  return workload;
}

// Lines 1-15; the next document starts on line 17.
const TRITON = `apiVersion: apps/v1
kind: Deployment
metadata: {name: triton, namespace: serving}
spec:
  selector: {matchLabels: {app: triton}}
  template:
    metadata: {labels: {app: triton}}
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          ports:
            - {name: http, containerPort: 8000}
            - {name: grpc, containerPort: 8001}
            - {name: metrics, containerPort: 8002}
---
`;

/** A Service for the Triton pods, from line 17: its first port item is on line 23 plus the lines `spec` adds before `ports`. */
function service(spec: string, metadata = 'name: triton, namespace: serving'): string {
  return `apiVersion: v1
kind: Service
metadata: {${metadata}}
spec:
${spec}`;
}

const CLUSTER_IP = service('  selector: {app: triton}\n  ports:\n    - {name: http, port: 80, targetPort: http}\n');

interface Case {
  readonly name: string;
  readonly yaml: string;
  /** Workload kind (and role); Deployment by default. */
  readonly workload?: string;
  readonly role?: string;
  readonly port: PortQuery;
  readonly published: boolean;
  readonly exposed: boolean;
  readonly internetFacing: boolean;
  readonly paths: readonly string[];
}

const cases: readonly Case[] = [
  // --- Services
  {
    name: 'a ClusterIP Service with a numeric targetPort publishes the port',
    yaml: TRITON + service('  selector: {app: triton}\n  ports:\n    - {port: 8000, targetPort: 8000}\n'),
    port: { number: 8000 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:23'],
  },
  {
    name: 'a Service port without targetPort targets its own port number',
    yaml: TRITON + service('  selector: {app: triton}\n  ports:\n    - {name: a, port: 9999}\n    - {name: b, port: 8002}\n'),
    port: { number: 8002 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:24'],
  },
  {
    name: 'a named targetPort resolves to the container port of that name',
    yaml: TRITON + CLUSTER_IP,
    port: { number: 8000, name: 'http' },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:23'],
  },
  {
    name: 'a named targetPort resolves through any container of the pod, even when the caller gives no name',
    yaml: TRITON + CLUSTER_IP,
    port: { number: 8000 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:23'],
  },
  {
    name: 'a named targetPort that no container declares reaches nothing',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 80, targetPort: web}\n'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a port the Service does not list is not published',
    yaml: TRITON + CLUSTER_IP,
    port: { number: 8001 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a Service without a selector (manual Endpoints) matches nothing',
    yaml: TRITON + service('  type: LoadBalancer\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a selector that cannot be read matches nothing',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: "{{ .Values.selector }}"\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a targetPort that is neither a number nor a name reaches nothing',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 8000, targetPort: [8000]}\n'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a Service in another namespace does not select the pods',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n', 'name: triton, namespace: other'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a Service without a namespace does not select pods of a written namespace',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n', 'name: triton'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'objects that both leave the namespace out are in the same one',
    yaml:
      TRITON.replace('name: triton, namespace: serving', 'name: triton') +
      service('  type: NodePort\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n', 'name: triton'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['node-port [exposed]: Service/triton:24'],
  },
  {
    name: 'a headless Service publishes but does not expose',
    yaml: TRITON + service('  clusterIP: None\n  selector: {app: triton}\n  ports:\n    - {port: 8001}\n'),
    port: { number: 8001 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:24'],
  },
  {
    name: 'an ExternalName Service reaches no pods',
    yaml: TRITON + service('  type: ExternalName\n  externalName: triton.example.com\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a LoadBalancer without source ranges is internet-facing',
    yaml: TRITON + service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: ['load-balancer [exposed internet]: Service/triton:24'],
  },
  {
    name: 'an internal LoadBalancer is exposed but not internet-facing',
    yaml:
      TRITON +
      service(
        '  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n',
        'name: triton, namespace: serving, annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}',
      ),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['load-balancer [exposed]: Service/triton:24'],
  },
  {
    name: 'a LoadBalancer restricted to known source ranges is not internet-facing',
    yaml: TRITON + service('  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8]\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['load-balancer [exposed]: Service/triton:25'],
  },
  {
    name: 'a LoadBalancer whose source ranges include 0.0.0.0/0 is internet-facing',
    yaml: TRITON + service('  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8, 0.0.0.0/0]\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: ['load-balancer [exposed internet]: Service/triton:25'],
  },
  {
    name: 'a NodePort is exposed but not internet-facing',
    yaml: TRITON + service('  type: NodePort\n  selector: {app: triton}\n  ports:\n    - {port: 8000, nodePort: 30800}\n'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['node-port [exposed]: Service/triton:24'],
  },
  {
    name: 'externalIPs on a ClusterIP Service expose its ports',
    yaml: TRITON + service('  externalIPs: [203.0.113.10]\n  selector: {app: triton}\n  ports:\n    - {port: 8000}\n'),
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['service: Service/triton:24', 'external-ips [exposed]: Service/triton:21 → Service/triton:24'],
  },
  // --- Ingress
  {
    name: 'an Ingress backend on the Service port (by number) exposes the port to the internet',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: models, namespace: serving}
spec:
  ingressClassName: nginx
  rules:
    - host: models.example.com
      http:
        paths:
          - path: /v2
            pathType: Prefix
            backend:
              service: {name: triton, port: {number: 80}}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: ['service: Service/triton:23', 'ingress [exposed internet]: Ingress/models:37 → Service/triton:23'],
  },
  {
    name: 'an Ingress backend by Service port name, and the pre-v1 serviceName / servicePort',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: by-name, namespace: serving}
spec:
  defaultBackend:
    service: {name: triton, port: {name: http}}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy, namespace: serving}
spec:
  backend: {serviceName: triton, servicePort: 80}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: [
      'service: Service/triton:23',
      'ingress [exposed internet]: Ingress/by-name:30 → Service/triton:23',
      'ingress [exposed internet]: Ingress/legacy:36 → Service/triton:23',
    ],
  },
  {
    name: 'an Ingress on another Service port, or to another Service, does not reach the port',
    yaml:
      TRITON +
      service('  selector: {app: triton}\n  ports:\n    - {name: http, port: 80, targetPort: http}\n    - {name: metrics, port: 9090, targetPort: metrics}\n') +
      `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: metrics, namespace: serving}
spec:
  rules:
    - http:
        paths:
          - {path: /metrics, pathType: Prefix, backend: {service: {name: triton, port: {number: 9090}}}}
          - {path: /, pathType: Prefix, backend: {service: {name: other, port: {number: 80}}}}
`,
    port: { number: 8000 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:23'],
  },
  {
    name: 'an internal Ingress exposes the port but not to the internet',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: models, namespace: serving}
spec:
  ingressClassName: nginx-internal
  defaultBackend: {service: {name: triton, port: {number: 80}}}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['service: Service/triton:23', 'ingress [exposed]: Ingress/models:30 → Service/triton:23'],
  },
  // --- Gateway API
  {
    name: 'an HTTPRoute attached to an internal Gateway exposes the port, not to the internet',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: private, namespace: serving}
spec: {gatewayClassName: gke-l7-rilb, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: triton, namespace: serving}
spec:
  parentRefs: [{name: private}]
  rules:
    - backendRefs: [{name: triton, port: 80}]
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['service: Service/triton:23', 'gateway-route [exposed]: HTTPRoute/triton:36 → Service/triton:23'],
  },
  {
    name: 'GRPCRoute, TLSRoute and TCPRoute to a Gateway outside the scanned set are internet-facing',
    yaml:
      TRITON +
      service('  selector: {app: triton}\n  ports:\n    - {name: grpc, port: 8001}\n') +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: grpc, namespace: serving}
spec: {parentRefs: [{name: public, namespace: infra}], rules: [{backendRefs: [{name: triton, port: 8001}]}]}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: tls, namespace: serving}
spec: {parentRefs: [{name: public}], rules: [{backendRefs: [{name: triton, port: 8001}]}]}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp, namespace: serving}
spec: {parentRefs: [{name: public}], rules: [{backendRefs: [{name: triton, port: 8001}]}]}
`,
    port: { number: 8001 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: [
      'service: Service/triton:23',
      'gateway-route [exposed internet]: GRPCRoute/grpc:28 → Service/triton:23',
      'gateway-route [exposed internet]: TLSRoute/tls:33 → Service/triton:23',
      'gateway-route [exposed internet]: TCPRoute/tcp:38 → Service/triton:23',
    ],
  },
  {
    name: 'a route attached to no Gateway (none, or mesh Service parents) exposes nothing; a wrong port neither',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: unattached, namespace: serving}
spec: {rules: [{backendRefs: [{name: triton, port: 80}]}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh, namespace: serving}
spec: {parentRefs: [{group: "", kind: Service, name: triton}], rules: [{backendRefs: [{name: triton, port: 80}]}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: other-port, namespace: serving}
spec: {parentRefs: [{name: public}], rules: [{backendRefs: [{name: triton, port: 8000}]}]}
`,
    port: { number: 8000 },
    published: true,
    exposed: false,
    internetFacing: false,
    paths: ['service: Service/triton:23'],
  },
  // --- OpenShift Route
  {
    name: 'OpenShift Routes: by Service port name, by pod port number, and on every port',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: by-name, namespace: serving}
spec: {to: {kind: Service, name: triton}, port: {targetPort: http}}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: by-number, namespace: serving}
spec: {to: {kind: Service, name: triton}, port: {targetPort: 8000}}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: any, namespace: serving}
spec: {to: {name: canary}, alternateBackends: [{kind: Service, name: triton}]}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: other-port, namespace: serving}
spec: {to: {kind: Service, name: triton}, port: {targetPort: metrics}}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: [
      'service: Service/triton:23',
      'openshift-route [exposed internet]: Route/by-name:28 → Service/triton:23',
      'openshift-route [exposed internet]: Route/by-number:33 → Service/triton:23',
      'openshift-route [exposed internet]: Route/any:38 → Service/triton:23',
    ],
  },
  // --- Istio VirtualService
  {
    name: 'VirtualServices on a gateway: FQDN and short hosts, http / tcp / tls; mesh-only ones expose nothing',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: public, namespace: serving}
spec:
  hosts: [models.example.com]
  gateways: [istio-system/public-gateway]
  http:
    - route: [{destination: {host: triton.serving.svc.cluster.local, port: {number: 80}}}]
  tcp:
    - route: [{destination: {host: triton}}]
  tls:
    - route: [{destination: {host: triton.serving.svc.cluster.local, port: {number: 8001}}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: mesh-only, namespace: serving}
spec:
  hosts: [triton]
  http: [{route: [{destination: {host: triton, port: {number: 80}}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: explicit-mesh, namespace: serving}
spec:
  hosts: [triton]
  gateways: [mesh]
  http: [{route: [{destination: {host: triton, port: {number: 80}}}]}]
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: [
      'service: Service/triton:23',
      'virtual-service [exposed internet]: VirtualService/public:32 → Service/triton:23',
      'virtual-service [exposed internet]: VirtualService/public:34 → Service/triton:23',
    ],
  },
  {
    name: 'a VirtualService on a local gateway, or on an Istio Gateway whose Services are ClusterIP, is not internet-facing',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: local, namespace: serving}
spec:
  gateways: [knative-serving/knative-local-gateway]
  http: [{route: [{destination: {host: triton, port: {number: 80}}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: internal, namespace: serving}
spec:
  gateways: [internal-gw]
  http: [{route: [{destination: {host: triton, port: {number: 80}}}]}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: internal-gw, namespace: serving}
spec: {selector: {istio: ingress-private}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ingress-private, namespace: istio-system}
spec: {selector: {istio: ingress-private}, ports: [{port: 80}]}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['service: Service/triton:23', 'virtual-service [exposed]: VirtualService/local:30 → Service/triton:23', 'virtual-service [exposed]: VirtualService/internal:37 → Service/triton:23'],
  },
  {
    name: 'a VirtualService on an Istio Gateway behind an internet-facing load balancer is internet-facing',
    yaml:
      TRITON +
      CLUSTER_IP +
      `---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: {name: public, namespace: serving}
spec:
  gateways: [public-gw]
  http: [{route: [{destination: {host: triton.serving.svc.cluster.local, port: {number: 80}}}]}]
---
apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: public-gw, namespace: serving}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]}
---
apiVersion: v1
kind: Service
metadata: {name: istio-ingressgateway, namespace: istio-system}
spec: {type: LoadBalancer, selector: {istio: ingressgateway, app: istio-ingressgateway}, ports: [{port: 80}]}
`,
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: true,
    paths: ['service: Service/triton:23', 'virtual-service [exposed internet]: VirtualService/public:30 → Service/triton:23'],
  },
  // --- hostPort / hostNetwork
  {
    name: 'a hostPort exposes its container port',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: ollama, namespace: llm}
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.3.12
      ports:
        - {containerPort: 11434, hostPort: 11434}
        - {containerPort: 9000, hostPort: 0}
`,
    workload: 'Pod',
    port: { number: 11434 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['host-port [exposed]: Pod/ollama:9'],
  },
  {
    name: 'a hostPort of 0 exposes nothing',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: ollama, namespace: llm}
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.3.12
      ports:
        - {containerPort: 9000, hostPort: 0}
`,
    workload: 'Pod',
    port: { number: 9000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'hostNetwork exposes every port, declared or not',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: ray-head, namespace: ray}
spec:
  hostNetwork: true
  containers: [{name: ray-head, image: rayproject/ray:2.9.0}]
`,
    workload: 'Pod',
    port: { number: 8265 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['host-network [exposed]: Pod/ray-head:5'],
  },
  // --- Knative
  {
    name: 'a Knative Service has an external route to its serving port',
    yaml: `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: sentiment, namespace: models}
spec:
  template:
    spec:
      containers:
        - image: ghcr.io/acme/sentiment:1.0
          ports: [{containerPort: 9000}]
`,
    workload: 'Service',
    port: { number: 9000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['knative [exposed]: Service/sentiment:3'],
  },
  {
    name: 'a Knative Service routes to 8080 when no port is declared, and to no other port',
    yaml: `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: sentiment, namespace: models}
spec: {template: {spec: {containers: [{image: ghcr.io/acme/sentiment:1.0}]}}}
`,
    workload: 'Service',
    port: { number: 9000 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a cluster-local Knative Service has no external route',
    yaml: `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: sentiment
  namespace: models
  labels: {networking.knative.dev/visibility: cluster-local}
spec: {template: {spec: {containers: [{image: ghcr.io/acme/sentiment:1.0}]}}}
`,
    workload: 'Service',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'with a scanned config-domain that gives no domain, Knative routes are cluster-local',
    yaml: `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: sentiment, namespace: models}
spec: {template: {spec: {containers: [{image: ghcr.io/acme/sentiment:1.0}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: config-domain, namespace: knative-serving}
data: {_example: "see the docs"}
`,
    workload: 'Service',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a config-domain that gives a domain keeps Knative routes external',
    yaml: `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: sentiment, namespace: models}
spec: {template: {spec: {containers: [{image: ghcr.io/acme/sentiment:1.0}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: config-domain, namespace: knative-serving}
data: {models.example.com: ""}
`,
    workload: 'Service',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['knative [exposed]: Service/sentiment:3'],
  },
  // --- KServe
  {
    name: 'a Serverless InferenceService has an external route to its serving port',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: Serverless}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}, storageUri: "hf://meta-llama/Llama-3.1-8B"}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/llama:6'],
  },
  {
    name: 'a Serverless InferenceService labelled cluster-local has none',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: Serverless}
  labels: {networking.knative.dev/visibility: cluster-local}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}, storageUri: "hf://meta-llama/Llama-3.1-8B"}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: "a RawDeployment InferenceService gets KServe's Ingress to the port its container declares",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: custom
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
  labels: {networking.knative.dev/visibility: cluster-local}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: ghcr.io/acme/server:1.0
        ports: [{containerPort: 5000}]
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 5000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/custom:6'],
  },
  {
    name: 'a RawDeployment InferenceService labelled cluster-local (KServe label) has no Ingress',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: custom
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
  labels: {networking.kserve.io/visibility: cluster-local}
spec:
  predictor:
    model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: "KServe's ConfigMap disabling Ingress creation keeps RawDeployment private",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: private
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  ingress: '{"disableIngressCreation": true, "ingressDomain": "example.com"}'
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'the exposed label (OpenShift AI) asks for a route even where KServe creates no Ingress',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: exposed
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: RawDeployment}
  labels: {networking.kserve.io/visibility: exposed}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  ingress: '{"disableIngressCreation": true}'
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/exposed:7'],
  },
  {
    name: "the ConfigMap's default mode decides for an InferenceService that writes none",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm, labels: {networking.knative.dev/visibility: cluster-local}}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  deploy: '{"defaultDeploymentMode": "RawDeployment"}'
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/iris:3'],
  },
  {
    name: "no deployment mode written and no ConfigMap: KServe's shipped default, Serverless, routes it",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/iris:3'],
  },
  {
    name: 'no deployment mode written and one cluster-local label: not provably external',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm, labels: {networking.knative.dev/visibility: cluster-local}}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'no deployment mode written and the RawDeployment cluster-local label: the author runs RawDeployment, private',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm, labels: {networking.kserve.io/visibility: cluster-local}}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'the documented ConfigMap (JSON with # comments) is read: RawDeployment default with Ingress creation disabled',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  ingress: |-
    {
        # disableIngressCreation controls whether to disable ingress creation for raw deployment mode.
        "disableIngressCreation": true
    }
  deploy: |-
    {
      # defaultDeploymentMode specifies the default deployment mode of the kserve.
      "defaultDeploymentMode": "RawDeployment"
    }
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: false,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'a scanned ConfigMap without a default mode leaves the shipped default, Serverless (Ingress settings are RawDeployment-only)',
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  ingress: '{"disableIngressCreation": true}'
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/iris:3'],
  },
  {
    name: "an unrendered Helm placeholder as the ConfigMap's default mode says nothing: the shipped default, Serverless",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: llm}
spec: {predictor: {model: {modelFormat: {name: sklearn}, storageUri: "gs://models/iris"}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: inferenceservice-config, namespace: kserve}
data:
  deploy: |-
    {
      "defaultDeploymentMode": "{{ .Values.kserve.controller.deploymentMode }}"
    }
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8080 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/iris:3'],
  },
  {
    name: "a KServe model container without ports serves on its ServingRuntime's port",
    yaml: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  namespace: llm
  annotations: {serving.kserve.io/deploymentMode: Serverless}
spec:
  predictor:
    model: {modelFormat: {name: vllm}, runtime: vllm-runtime, storageUri: "hf://meta-llama/Llama-3.1-8B"}
---
apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: vllm-runtime, namespace: llm}
spec:
  supportedModelFormats: [{name: vllm}]
  containers:
    - name: kserve-container
      image: vllm/vllm-openai:v0.6.3
      ports: [{containerPort: 8000}]
`,
    workload: 'InferenceService',
    role: 'predictor',
    port: { number: 8000 },
    published: true,
    exposed: true,
    internetFacing: false,
    paths: ['kserve [exposed]: InferenceService/llama:6'],
  },
];

for (const testCase of cases) {
  test(`exposureOfPort: ${testCase.name}`, () => {
    const model = modelOf(testCase.yaml);
    const workload = workloadOf(model, testCase.workload ?? 'Deployment', testCase.role);
    const exposure = exposureOfPort(model, workload, testCase.port);
    assert.deepEqual(
      { published: exposure.published, exposed: exposure.exposed, internetFacing: exposure.internetFacing, paths: describePaths(exposure) },
      { published: testCase.published, exposed: testCase.exposed, internetFacing: testCase.internetFacing, paths: testCase.paths },
    );
  });
}

test('hops carry a short description of each step', () => {
  const model = modelOf(
    TRITON +
      service('  type: LoadBalancer\n  selector: {app: triton}\n  ports:\n    - {name: http, port: 80, targetPort: http}\n') +
      `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: models, namespace: serving}
spec:
  rules: [{host: models.example.com, http: {paths: [{path: /v2, pathType: Prefix, backend: {service: {name: triton, port: {number: 80}}}}]}}]
`,
  );
  const exposure = exposureOfPort(model, workloadOf(model, 'Deployment'), { number: 8000, name: 'http' });
  assert.deepEqual(
    exposure.paths.map((path) => path.hops.map((hop) => hop.description)),
    [
      ['Service serving/triton (LoadBalancer) port 80 → targetPort http (8000)'],
      ['Ingress serving/models sends models.example.com/v2 to Service triton port 80', 'Service serving/triton (LoadBalancer) port 80 → targetPort http (8000)'],
    ],
  );
});

test('exposureOfWorkload: every declared port, then the extra port numbers a caller supplies', () => {
  const model = modelOf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: torchserve, namespace: serving}
spec:
  selector: {matchLabels: {app: torchserve}}
  template:
    metadata: {labels: {app: torchserve}}
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.11.0-cpu
          ports: [{name: inference, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: torchserve, namespace: serving}
spec:
  type: NodePort
  selector: {app: torchserve}
  ports:
    - {name: inference, port: 8080, targetPort: inference}
    - {name: management, port: 8081, targetPort: 8081}
`);
  const workload = workloadOf(model, 'Deployment');
  const exposures = exposureOfWorkload(model, workload, { extraPorts: [8080, 8081, 8082] });
  assert.deepEqual(
    exposures.map((exposure) => [exposure.port, exposure.name, exposure.container?.name, exposure.containerPort ? lineOf(exposure.containerPort) : undefined, exposure.exposed, describePaths(exposure)]),
    [
      [8080, 'inference', 'torchserve', 12, true, ['node-port [exposed]: Service/torchserve:21']],
      // The management API is not declared, yet the Service still reaches it.
      [8081, undefined, undefined, undefined, true, ['node-port [exposed]: Service/torchserve:22']],
      [8082, undefined, undefined, undefined, false, []],
    ],
  );
});

test('operatorRouteOf: the KServe / Knative route whatever port the pods serve on', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama, namespace: llm, annotations: {serving.kserve.io/deploymentMode: Serverless}}
spec:
  predictor:
    containers:
      - name: kserve-container
        image: vllm/vllm-openai:v0.6.3
        ports: [{containerPort: 8000}]
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: private, namespace: llm, labels: {networking.knative.dev/visibility: cluster-local}, annotations: {serving.kserve.io/deploymentMode: Serverless}}
spec: {predictor: {sklearn: {storageUri: "gs://models/iris"}}}
`);
  const route = operatorRouteOf(model, workloadOf(model, 'InferenceService', 'predictor'));
  assert.equal(route?.kind, 'kserve');
  assert.match(route?.hops[0]?.description ?? '', /\(Serverless\) has an external route to its predictor port 8000/);
  const private_ = model.workloads.find((workload) => workload.object.name === 'private');
  assert.ok(private_);
  assert.equal(operatorRouteOf(model, private_), undefined);
  assert.equal(operatorRouteOf(model, workloadOf(modelOf(TRITON), 'Deployment')), undefined);
});

test('results are computed once per model, workload and port', () => {
  const model = modelOf(TRITON + CLUSTER_IP);
  const workload = workloadOf(model, 'Deployment');
  const first = exposureOfPort(model, workload, { number: 8000 });
  assert.equal(exposureOfPort(model, workload, { number: 8000 }), first);
  // A new model (the same text) gets its own index.
  const other = modelOf(TRITON + CLUSTER_IP);
  assert.notEqual(exposureOfPort(other, workloadOf(other, 'Deployment'), { number: 8000 }), first);
});

test('thousands of objects: every workload finds its own Service through the indexes', () => {
  const documents: string[] = [];
  for (let index = 0; index < 1500; index++) {
    documents.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${index}, namespace: ns-${index % 50}}
spec:
  selector: {matchLabels: {app: app-${index}}}
  template:
    metadata: {labels: {app: app-${index}}}
    spec: {containers: [{name: c, image: busybox:1.36, ports: [{containerPort: 8080}]}]}
`);
    documents.push(`apiVersion: v1
kind: Service
metadata: {name: app-${index}, namespace: ns-${index % 50}}
spec: {selector: {app: app-${index}}, ports: [{port: 80, targetPort: 8080}]}
`);
  }
  const model = modelOf(documents.join('---\n'));
  // Speed is `npm run bench`'s to measure; this proves the indexed lookups give every workload its own Service.
  const exposed = model.workloads.filter((workload) => exposureOfWorkload(model, workload).some((port) => port.published));
  assert.equal(exposed.length, 1500);
});

test('Gateway API inference extension: an HTTPRoute to an InferencePool reaches the pods its selector matches, on its target port', () => {
  const model = modelOf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: llama, namespace: llm}
spec:
  selector: {matchLabels: {app: llama}}
  template:
    metadata: {labels: {app: llama}}
    spec:
      containers:
        - {name: vllm, image: "vllm/vllm-openai:v0.11.0", ports: [{containerPort: 8000}]}
---
apiVersion: inference.networking.x-k8s.io/v1alpha2
kind: InferencePool
metadata: {name: llama, namespace: llm}
spec:
  targetPortNumber: 8000
  selector: {app: llama}
  extensionRef: {name: llama-epp}
---
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata: {name: llama-v1, namespace: llm}
spec:
  targetPorts: [{number: 8000}]
  selector: {matchLabels: {app: llama}}
  endpointPickerRef: {name: llama-epp, port: {number: 9002}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: llm, namespace: llm}
spec:
  parentRefs: [{name: inference-gateway}]
  rules:
    - backendRefs: [{group: inference.networking.x-k8s.io, kind: InferencePool, name: llama}]
      matches: [{path: {type: PathPrefix, value: /}}]
    - backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: llama-v1}]
      matches: [{path: {type: PathPrefix, value: /v1}}]
`);
  const workload = workloadOf(model, 'Deployment');
  const exposure = exposureOfPort(model, workload, { number: 8000 });
  assert.deepEqual(describePaths(exposure), ['gateway-route [exposed internet]: HTTPRoute/llm:34 → InferencePool/llama:17', 'gateway-route [exposed internet]: HTTPRoute/llm:36 → InferencePool/llama-v1:25']);
  assert.deepEqual(exposure.paths.map((path) => path.hops[0]?.httpPaths?.map((match) => `${match.type} ${match.value ?? ''}`)), [['prefix /'], ['prefix /v1']]);
  assert.equal(exposureOfPort(model, workload, { number: 8001 }).exposed, false);
});
