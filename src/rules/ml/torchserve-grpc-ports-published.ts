import { meshMtlsOf } from '../../model/mesh.js';
import { isLocalBind, modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { torchServeApiExposure, torchServeManagementReachable } from '../../model/ml/torchserve.js';
import type { TorchServeApi } from '../../model/ml/torchserve.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

const APIS: ReadonlyArray<{ api: TorchServeApi; messageId: 'grpcInference' | 'grpcManagement' }> = [
  { api: 'grpc-inference', messageId: 'grpcInference' },
  { api: 'grpc-management', messageId: 'grpcManagement' },
];

/** The paths worth naming first: internet-facing, then exposed outside the namespace, then the rest. */
function byReach(paths: readonly ExposurePath[]): ExposurePath[] {
  const rank = (path: ExposurePath): number => (path.internetFacing ? 0 : path.exposed ? 1 : 2);
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

export const torchserveGrpcPortsPublished = defineRule({
  meta: {
    id: 'IG-ML-005',
    name: 'torchserve-grpc-ports-published',
    title: 'TorchServe gRPC ports published',
    severity: 'high',
    rationale:
      "TorchServe serves gRPC next to HTTP: inference on 7070 and management on 7071 (`grpc_inference_port` / `grpc_management_port`). Both speak plaintext unless `enable_grpc_ssl` is set, and traffic to them bypasses whatever guards the HTTP path (an authenticating Ingress, a WAF, rate limits). The management service registers, unregisters and scales models, and registering a model runs its handler code in the pod; before 0.11.0 both gRPC servers listened on every interface whatever the HTTP addresses said (pytorch/serve PR #3083). A Service, Ingress, route or hostPort that lists these ports therefore opens a second, less guarded door. Whether a gRPC client needs the port cannot be read from manifests, so 7070 is accepted behind a service mesh that gives it mutual TLS (an Istio sidecar or ambient label, or Linkerd injection, with no PeerAuthentication in the scan that lets plaintext in); 7071 never is. A gRPC management port that also listens on a reachable address is reported by IG-ML-001 instead. Severity is raised to critical when the path is internet-facing.",
    remediation:
      'Remove 7070 and 7071 (or the configured `grpc_inference_port` / `grpc_management_port`) from Services, Ingresses, routes and `hostPort`s, and bind them to the pod with `grpc_inference_address=127.0.0.1` / `grpc_management_address=127.0.0.1` (0.11.0 and later; upgrade older images). If gRPC inference clients need 7070, publish only 7070, inside a mesh with mutual TLS enforced (Istio sidecar injection plus a `PeerAuthentication` in mode `STRICT`, or Linkerd), and set `enable_grpc_ssl=true` with a certificate for clients outside it.',
    references: ['https://github.com/pytorch/serve/pull/3083', 'https://github.com/pytorch/serve/blob/master/docs/configuration.md', 'https://github.com/pytorch/serve/blob/master/SECURITY.md', 'https://istio.io/latest/docs/reference/config/security/peer_authentication/'],
    mappings: { stride: ['I', 'E'], atlas: ['AML.T0049'], nist: ['SC-7', 'CM-7'] },
    targets: ['k8s:Workload', 'k8s:Service'],
    fix: 'none',
    messages: {
      grpcInference:
        "Container '{{container}}' (TorchServe) serves gRPC inference on port {{port}}{{listen}}, published ({{hop}}){{mesh}}: clients reach the model in plaintext, past the controls on the HTTP path.",
      grpcManagement:
        "Container '{{container}}' (TorchServe) serves gRPC management on port {{port}}{{listen}}, published ({{hop}}): whoever reaches it can register, unregister and rescale models, past the controls on the HTTP path.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: torchserve, namespace: serving }
spec:
  selector: { matchLabels: { app: torchserve } }
  template:
    metadata: { labels: { app: torchserve } }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.10.0-cpu
          ports: [{ containerPort: 8080 }, { containerPort: 7070 }]
---
apiVersion: v1
kind: Service
metadata: { name: torchserve, namespace: serving }
spec:
  selector: { app: torchserve }
  ports:
    - { name: http, port: 8080 }
    - { name: grpc, port: 7070 }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: torchserve, namespace: serving }
spec:
  selector: { matchLabels: { app: torchserve } }
  template:
    metadata: { labels: { app: torchserve } }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.10.0-cpu
          ports: [{ containerPort: 8080 }, { containerPort: 7070 }]
---
apiVersion: v1
kind: Service
metadata: { name: torchserve, namespace: serving }
spec:
  selector: { app: torchserve }
  ports:
    - { name: http, port: 8080 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'torchserve') return;
        for (const { api, messageId } of APIS) {
          const found = torchServeApiExposure(context.model, server, api);
          if (!found?.exposure.published) continue;
          const { listener, exposure } = found;
          // Published but listening on loopback: nothing answers there.
          if (listener.host !== undefined && isLocalBind(listener.host)) continue;
          // A reachable gRPC management listener is IG-ML-001's finding (one finding per problem).
          if (api === 'grpc-management' && torchServeManagementReachable(found)) continue;
          let mesh = '';
          if (api === 'grpc-inference') {
            const mtls = meshMtlsOf(context.model, container.workload, exposure.port);
            if (mtls?.mtls) continue;
            if (mtls?.peerAuthentication) mesh = `; ${mtls.marker.description} puts the pod in ${mtls.marker.mesh}, but ${mtls.peerAuthentication.description} accepts plaintext`;
          }
          const paths = byReach(exposure.paths);
          const innermost = paths[0]?.hops.at(-1)?.at;
          context.report({
            messageId,
            data: {
              container: container.name || '(unnamed)',
              port: exposure.port,
              listen: listener.host === undefined ? '' : `, bound to ${listener.host} (${listener.description})`,
              hop: outermostHop(paths),
              mesh,
            },
            at: found.containerPort?.get('containerPort') ?? innermost ?? server.image?.node ?? container.node,
            severity: exposure.internetFacing ? 'critical' : 'high',
            related: hopsOf(paths),
          });
        }
      },
    };
  },
});
