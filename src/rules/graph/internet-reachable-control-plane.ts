import { unauthenticatedPaths } from '../../model/auth-front.js';
import { exposesRequestPath } from '../../model/http-paths.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { modelServersIn } from '../../model/ml/model-server.js';
import type { ModelServer, ServerPort } from '../../model/ml/model-server.js';
import type { ModelServerKind } from '../../model/ml/server-kinds.js';
import { openGroups, tritonEndpoints } from '../../model/ml/triton.js';
import type { ExposureHop, ExposurePath } from '../../model/port-exposure.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import { reportsOf } from '../compose.js';
import type { Locatable, RelatedHop, Rule } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { mlflowServerUnauthenticated } from '../ml/mlflow-server-unauthenticated.js';
import { ollamaApiExposedWithoutAuth } from '../ml/ollama-api-exposed-without-auth.js';
import { rayClientGcsPublished } from '../ml/ray-client-gcs-published.js';
import { rayDashboardExposed } from '../ml/ray-dashboard-exposed.js';
import { seldonEndpointExposedWithoutAuth } from '../ml/seldon-endpoint-exposed-without-auth.js';
import { tfServingConfigReloadExposed } from '../ml/tf-serving-config-reload-exposed.js';
import { torchserveManagementApiExposed } from '../ml/torchserve-management-api-exposed.js';
import { tritonModelControlUnrestricted } from '../ml/triton-model-control-unrestricted.js';

/**
 * Each server's control plane and the per-server rule that judges whether the server itself leaves it open
 * (bind address, token auth, model-control mode, restricted API groups): this rule adds only the path from
 * the internet. `request` is a path on the control API, for ports that also serve inference, so that a route
 * sending only inference paths does not count.
 */
const CONTROL_PLANES: ReadonlyArray<{ readonly kind: ModelServerKind; readonly ports: readonly string[]; readonly judge: Rule; readonly api: string; readonly request?: string }> = [
  { kind: 'torchserve', ports: ['management', 'gRPC management'], judge: torchserveManagementApiExposed, api: 'management API (register a model archive: its handler runs in the pod)' },
  { kind: 'triton', ports: ['HTTP', 'gRPC'], judge: tritonModelControlUnrestricted, api: 'model-repository API (load, unload and replace models)', request: '/v2/repository/index' },
  { kind: 'tf-serving', ports: ['gRPC'], judge: tfServingConfigReloadExposed, api: 'ModelService (reload the model config)' },
  { kind: 'ollama', ports: ['API'], judge: ollamaApiExposedWithoutAuth, api: 'model API (pull, create and delete models)', request: '/api/pull' },
  { kind: 'ray', ports: ['dashboard and Jobs API'], judge: rayDashboardExposed, api: 'Jobs API (runs submitted code)', request: '/api/jobs/' },
  { kind: 'ray', ports: ['GCS', 'Ray Client'], judge: rayClientGcsPublished, api: 'cluster internals (run code as the cluster)' },
  { kind: 'mlflow', ports: ['HTTP'], judge: mlflowServerUnauthenticated, api: 'tracking server and model registry (register and promote model versions)', request: '/api/2.0/mlflow/registered-models/search' },
  { kind: 'mlserver', ports: ['HTTP', 'gRPC'], judge: seldonEndpointExposedWithoutAuth, api: 'model-repository API (load and unload models)', request: '/v2/repository/index' },
];

interface Reached {
  readonly server: ModelServer;
  readonly port: ServerPort;
  readonly api: string;
  readonly judge: Rule;
  readonly judgedAt: Locatable;
  readonly path: ExposurePath;
}

export const internetReachableControlPlane = defineRule({
  meta: {
    id: 'IG-GRAPH-001',
    name: 'internet-reachable-control-plane',
    title: 'Internet entry reaches a model server\'s management or model-control API',
    severity: 'critical',
    rationale:
      'Most model servers carry a control plane beside inference: TorchServe\'s management API registers model archives whose handler code runs in the pod, Triton\'s and MLServer\'s model-repository API load and unload models, TensorFlow Serving reloads its model config over gRPC, Ollama pulls and deletes models, Ray\'s Jobs API and Client run submitted code, MLflow registers and promotes the model versions that deployments pull. None of them authenticates by default. The per-server rules (IG-ML-001, 010, 018, 036, 040, 042, 046, 054) say that the server leaves its control plane open; this rule names the internet entry — a LoadBalancer or NodePort Service, an Ingress, a Gateway API route, an Istio VirtualService, an OpenShift Route — from which one unauthenticated request reaches it, and traces the path hop by hop. That entry is where the fix belongs: it should carry inference only.',
    remediation:
      'Split the surfaces at the entry: route only the inference paths (`/v2/models/<name>/infer`, `/predictions/<name>`, `/v1/completions`) through an authenticating gateway, keep management and model-control ports off every Service that the internet reaches, and reach them through a private network or `kubectl port-forward`. Then close the server side as its own rule says (token authentication, a loopback bind, `--model-control-mode=none`, restricted API groups).',
    references: [
      'https://docs.ray.io/en/latest/ray-security/index.html',
      'https://pytorch.org/serve/configuration.html#configure-torchserve-listening-address-and-port',
      'https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/customization_guide/inference_protocols.html#limit-endpoint-access-beta',
      'https://atlas.mitre.org/techniques/AML.T0049',
    ],
    mappings: { stride: ['E', 'T'], atlas: ['AML.T0049', 'AML.T0050', 'AML.T0010.003'], owasp: ['ML06', 'LLM03'], nist: ['SC-7', 'AC-3', 'CM-7'] },
    targets: ['k8s:Service', 'k8s:Ingress', 'k8s:HTTPRoute', 'k8s:GRPCRoute', 'k8s:VirtualService', 'k8s:Route', 'model:Server'],
    fix: 'none',
    messages: {
      reaches: '{{entry}} lets the internet reach the {{server}} {{api}} of {{workload}} on {{ports}}, with no authentication in front or in the server.',
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
          image: pytorch/torchserve:0.8.2-cpu
          env:
            - { name: TS_MANAGEMENT_ADDRESS, value: "http://0.0.0.0:8081" }
          ports:
            - { name: inference, containerPort: 8080 }
            - { name: management, containerPort: 8081 }
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
          image: pytorch/torchserve:0.8.2-cpu
          env:
            - { name: TS_MANAGEMENT_ADDRESS, value: "http://0.0.0.0:8081" }
          ports:
            - { name: inference, containerPort: 8080 }
            - { name: management, containerPort: 8081 }
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
    const { model, terraform } = context;
    return {
      end() {
        // The objects each per-server rule found open, with the place it judged.
        const judged = new Map<Rule, Map<K8sObject, Locatable>>();
        const openIn = (judge: Rule): Map<K8sObject, Locatable> => {
          let objects = judged.get(judge);
          if (!objects) {
            objects = new Map();
            for (const { report, subject } of reportsOf(judge, model, terraform)) {
              if (subject && !('address' in subject) && !objects.has(subject)) objects.set(subject, report.at);
            }
            judged.set(judge, objects);
          }
          return objects;
        };
        // One finding per entry and workload: the ports and APIs it opens are listed together.
        const byEntry = new Map<string, { hop: ExposureHop; reached: Reached[] }>();
        const ids = new Map<object, number>();
        const idOf = (thing: object): number => ids.get(thing) ?? ids.set(thing, ids.size).get(thing)!;
        for (const server of modelServersIn(model)) {
          const workload = server.container.workload;
          for (const plane of CONTROL_PLANES) {
            if (plane.kind !== server.kind) continue;
            const open = openIn(plane.judge);
            if (!open.has(workload.object)) continue;
            for (const port of server.ports) {
              if (!plane.ports.includes(port.spec.label) || !controlOpenOn(server, port)) continue;
              const name = port.declared?.get('name').str();
              const exposure = exposureOfPort(model, workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
              for (const path of unauthenticatedPaths(model, workload, exposure)) {
                if (!path.internetFacing || (plane.request !== undefined && !exposesRequestPath(path, plane.request))) continue;
                const hop = path.hops[0];
                if (!hop) continue;
                // Paths restart in every YAML document: the document is part of the place.
                const key = `${idOf(hop.at.doc)}#${hop.at.path.join('/')}/${idOf(server.container)}`;
                const entry = byEntry.get(key) ?? { hop, reached: [] };
                if (!entry.reached.some((known) => known.port.number === port.number)) entry.reached.push({ server, port, api: plane.api, judge: plane.judge, judgedAt: open.get(workload.object) as Locatable, path });
                byEntry.set(key, entry);
              }
            }
          }
        }
        for (const { hop, reached } of byEntry.values()) {
          const first = reached[0] as Reached;
          const workload = first.server.container.workload.object;
          // The path reads from the internet in: the entry (also the finding's place, where the fix goes), the hops after it, the ports.
          const related: RelatedHop[] = [{ at: hop.at, message: `from the Internet: ${hop.description}` }];
          for (const step of first.path.hops.slice(1)) related.push({ at: step.at, message: step.description });
          for (const item of reached) {
            // At the port's own place, as the serving graph has it, so pictures light the edge into it.
            related.push({ at: item.port.declared ?? item.port.setBy?.node ?? item.server.container.node, message: `${portLabel(item.server, item.port)}: ${item.api}` });
            related.push({ at: item.judgedAt, message: `the server leaves it open (${item.judge.meta.id} ${item.judge.meta.name})` });
          }
          context.report({
            messageId: 'reaches',
            at: hop.at,
            object: hop.object,
            data: {
              // Several ports through one entry: the entry without the one port its description names.
              entry: reached.length > 1 ? hop.description.replace(/ port \d+ → .*$/, '') : hop.description,
              server: first.server.info.title,
              api: [...new Set(reached.map((item) => item.api))].join(' and '),
              workload: `${workload.kind} ${workload.namespace ? `${workload.namespace}/` : ''}${workload.name ?? '(unnamed)'}`,
              ports: reached.length > 1 ? `ports ${reached.slice(0, -1).map((item) => item.port.number).join(', ')} and ${(reached.at(-1) as Reached).port.number}` : `port ${first.port.number}`,
            },
            related: [...new Map(related.map((item) => [item.at, item])).values()],
          });
        }
      },
    };
  },
});

/** `Ray Client port 10001`, `TorchServe management port 8081`. */
function portLabel(server: ModelServer, port: ServerPort): string {
  const label = port.spec.label.startsWith(server.info.title) ? port.spec.label : `${server.info.title} ${port.spec.label}`;
  return `${label} port ${port.number}`;
}

/** Triton serves model control on a port only while that endpoint leaves the model-repository group open. */
function controlOpenOn(server: ModelServer, port: ServerPort): boolean {
  if (server.kind !== 'triton') return true;
  const endpoint = tritonEndpoints(server).find((candidate) => candidate.port.number === port.number);
  if (!endpoint || endpoint.enabled === false || endpoint.reachable === false) return false;
  const open = openGroups(endpoint, ['model-repository']);
  return open !== undefined && open.length > 0;
}
