import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { describeTorchServeSetting, torchServeApiExposure, torchServeManagementReachable, torchServeModelApi } from '../../model/ml/torchserve.js';
import type { TorchServeApi } from '../../model/ml/torchserve.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

const APIS: ReadonlyArray<{ api: TorchServeApi; messageId: 'management' | 'grpcManagement' }> = [
  { api: 'management', messageId: 'management' },
  { api: 'grpc-management', messageId: 'grpcManagement' },
];

/** The paths worth naming first: internet-facing, then exposed outside the namespace, then the rest. */
function byReach(paths: readonly ExposurePath[]): ExposurePath[] {
  const rank = (path: ExposurePath): number => (path.internetFacing ? 0 : path.exposed ? 1 : 2);
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

export const torchserveManagementApiExposed = defineRule({
  meta: {
    id: 'IG-ML-001',
    name: 'torchserve-management-api-exposed',
    title: 'TorchServe management API reachable outside the pod',
    severity: 'critical',
    rationale:
      "TorchServe's management API (HTTP 8081, gRPC 7071) registers, unregisters and scales models. A model archive carries a Python handler that the server runs, so registering one is code execution in the model pod: the ShellTorch chain (CVE-2023-43654 with CVE-2022-1471) took over servers whose management API listened on all interfaces. With the model API on (`enable_model_api`, the default before 0.11) anyone who reaches the port loads their own archive; with it off they can still list, describe and rescale models and change their default version. TorchServe binds the HTTP APIs to 127.0.0.1 by default, but the official `pytorch/torchserve` image's own `/home/model-server/config.properties` binds them to 0.0.0.0, and the gRPC servers listened on every interface before 0.11.0. This rule fires when the management listener is on a non-loopback address (written, from that image file, or the pre-0.11 gRPC default) and a Service, Ingress, route, hostPort or operator route publishes its port. Token authorization (0.11+) is a second lock, not a reason to publish the port.",
    remediation:
      'Bind management to the pod only: `management_address=http://127.0.0.1:8081` (or `unix:/tmp/management.sock`) and `grpc_management_address=127.0.0.1` in config.properties; mount your own config.properties instead of relying on the image\'s, which binds 0.0.0.0. Remove 8081 and 7071 from every Service, Ingress and route (keep a Service for inference only) and reach the management API with `kubectl port-forward` for administration. On images before 0.11.0 the gRPC servers cannot be bound to loopback: upgrade.',
    references: [
      'https://github.com/pytorch/serve/blob/master/SECURITY.md',
      'https://github.com/pytorch/serve/blob/master/docs/configuration.md',
      'https://github.com/pytorch/serve/blob/master/docker/config.properties',
      'https://github.com/pytorch/serve/pull/3083',
      'https://github.com/advisories/GHSA-8fxr-qfr9-p34w',
    ],
    mappings: { stride: ['E', 'T'], atlas: ['AML.T0049', 'AML.T0050', 'AML.T0010.003'], owasp: ['ML06'], cis: ['5.3.2'], nist: ['AC-3', 'SC-7', 'CM-7'] },
    targets: ['k8s:Workload', 'k8s:Service'],
    fix: 'none',
    supersedes: ['IG-ML-004'],
    messages: {
      management:
        "Container '{{container}}' (TorchServe) listens for its management API on {{host}} ({{bind}}) and port {{port}} is published ({{hop}}): {{impact}}.",
      grpcManagement:
        "Container '{{container}}' (TorchServe) listens for its gRPC management API on {{host}} ({{bind}}) and port {{port}} is published ({{hop}}): {{impact}}.",
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
          image: pytorch/torchserve:0.12.0-cpu
          ports: [{ containerPort: 8080 }, { containerPort: 8081 }]
---
apiVersion: v1
kind: Service
metadata: { name: torchserve, namespace: serving }
spec:
  type: LoadBalancer
  selector: { app: torchserve }
  ports:
    - { name: inference, port: 8080 }
    - { name: management, port: 8081 }
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
          image: pytorch/torchserve:0.12.0-cpu
          ports: [{ containerPort: 8080 }, { containerPort: 8081 }]
---
apiVersion: v1
kind: Service
metadata: { name: torchserve, namespace: serving }
spec:
  type: LoadBalancer
  selector: { app: torchserve }
  ports:
    - { name: inference, port: 8080 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'torchserve') return;
        const modelApi = torchServeModelApi(server);
        const impact = modelApi.enabled
          ? `with the model API on (${modelApi.setting ? describeTorchServeSetting(modelApi.setting) : 'the default before 0.11'}) a caller can register a model archive, and its handler code runs in the pod`
          : 'a caller can list, describe and rescale the served models, and register new ones (running their code) once the model API is turned on';
        for (const { api, messageId } of APIS) {
          const found = torchServeApiExposure(context.model, server, api);
          if (!torchServeManagementReachable(found)) continue;
          const paths = byReach(found.exposure.paths);
          const at = found.listener.setting?.node ?? found.containerPort?.get('containerPort') ?? server.image?.node ?? container.node;
          context.report({
            messageId,
            data: {
              container: container.name || '(unnamed)',
              host: found.listener.host ?? '',
              bind: found.listener.description,
              hop: outermostHop(paths),
              port: found.exposure.port,
              impact,
            },
            at,
            related: [...hopsOf(paths), ...(modelApi.setting ? [{ at: modelApi.setting.node, message: `model API: ${describeTorchServeSetting(modelApi.setting)}` }] : [])],
          });
        }
      },
    };
  },
});
