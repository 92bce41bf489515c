import { meshMtlsOf } from '../../model/mesh.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { tritonBoolean, tritonEndpoints } from '../../model/ml/triton.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

/** The exposed paths worth naming first: internet-facing ones. */
function byReach(paths: readonly ExposurePath[]): ExposurePath[] {
  const rank = (path: ExposurePath): number => (path.internetFacing ? 0 : 1);
  return paths.filter((path) => path.exposed).sort((a, b) => rank(a) - rank(b));
}

export const tritonGrpcWithoutTls = defineRule({
  meta: {
    id: 'IG-ML-014',
    name: 'triton-grpc-without-tls',
    title: 'Exposed Triton gRPC without TLS',
    severity: 'medium',
    rationale:
      "Triton's gRPC endpoint (8001, `--grpc-port`) speaks plaintext unless `--grpc-use-ssl=true` (server certificate) or `--grpc-use-ssl-mutual=true` (client certificates too) is set; by default it also authenticates no client. Exposed outside the namespace (a LoadBalancer or NodePort Service, an Ingress, Gateway or mesh route, a hostPort), it carries input tensors, prompts and results in clear text across networks where anyone on the path can read or alter them, and answers any client that can connect. A service mesh that wraps the pod in mutual TLS does the same job: the rule stays silent for pods with an Istio sidecar or ambient label or Linkerd injection, unless an Istio PeerAuthentication in the scan lets plaintext in (PERMISSIVE / DISABLE). Severity is raised to high when the path is internet-facing.",
    remediation:
      'Serve gRPC over TLS: `--grpc-use-ssl=true --grpc-server-cert=/tls/tls.crt --grpc-server-key=/tls/tls.key` from a Secret volume, and `--grpc-use-ssl-mutual=true --grpc-root-cert=/tls/ca.crt` to require client certificates. Or put the pod in a mesh with mutual TLS enforced (Istio sidecar injection with a `PeerAuthentication` in mode `STRICT`, or Linkerd), terminate TLS at an authenticating gateway, and keep the gRPC Service `ClusterIP`. Turn gRPC off (`--allow-grpc=false`) when no client uses it.',
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md#ssltls',
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
      'https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/',
      'https://linkerd.io/2/features/proxy-injection/',
    ],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0024'], nist: ['SC-8', 'IA-9'] },
    targets: ['k8s:Workload', 'k8s:Service'],
    fix: 'none',
    messages: {
      plaintext:
        "Container '{{container}}' (Triton) serves gRPC on port {{port}} without TLS ({{tls}}) and it is reachable from outside the namespace ({{hop}}){{mesh}}: tensors and results cross the network in clear text and any client is accepted.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args: ["tritonserver", "--model-repository=s3://models/triton"]
          ports: [{ name: grpc, containerPort: 8001 }]
---
apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  type: NodePort
  selector: { app: triton }
  ports: [{ name: grpc, port: 8001, targetPort: grpc }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args:
            - tritonserver
            - --model-repository=s3://models/triton
            - --grpc-use-ssl=true
            - --grpc-server-cert=/tls/tls.crt
            - --grpc-server-key=/tls/tls.key
          ports: [{ name: grpc, containerPort: 8001 }]
---
apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  type: NodePort
  selector: { app: triton }
  ports: [{ name: grpc, port: 8001, targetPort: grpc }]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'triton') return;
        const grpc = tritonEndpoints(server).find((endpoint) => endpoint.protocol === 'gRPC');
        if (!grpc || grpc.enabled !== true || grpc.reachable !== true) return;
        // getopt: the last occurrence wins; `--grpc-use-ssl-mutual` implies TLS.
        const ssl = server.settings({ flags: ['--grpc-use-ssl'] }).at(-1);
        const mutual = server.settings({ flags: ['--grpc-use-ssl-mutual'] }).at(-1);
        const sslOn = ssl === undefined ? false : tritonBoolean(ssl.value);
        const mutualOn = mutual === undefined ? false : tritonBoolean(mutual.value);
        if (sslOn !== false || mutualOn !== false) return;
        const port = grpc.port;
        const name = port.declared?.get('name').str();
        const exposure = exposureOfPort(context.model, container.workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
        if (!exposure.exposed) return;
        const mtls = meshMtlsOf(context.model, container.workload, port.number);
        if (mtls?.mtls) return;
        const paths = byReach(exposure.paths);
        context.report({
          messageId: 'plaintext',
          data: {
            container: container.name || '(unnamed)',
            port: port.number,
            tls: ssl ? ssl.description : '`--grpc-use-ssl` is not set',
            hop: outermostHop(paths),
            mesh: mtls?.peerAuthentication ? `; ${mtls.marker.description} puts the pod in ${mtls.marker.mesh}, but ${mtls.peerAuthentication.description} accepts plaintext` : '',
          },
          at: ssl?.node ?? port.declared?.get('containerPort') ?? port.setBy?.node ?? paths[0]?.hops.at(-1)?.at ?? server.image?.node ?? container.node,
          severity: exposure.internetFacing ? 'high' : 'medium',
          related: hopsOf(paths),
        });
      },
    };
  },
});
