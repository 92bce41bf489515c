import { NIM_GROUP } from '../../model/adapt/crds/nim.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { isLlmServer, listensBeyondPod } from '../../model/ml/llm-servers.js';
import type { ModelServer, ServerPort } from '../../model/ml/model-server.js';
import { modelServersIn } from '../../model/ml/model-server.js';
import { nimFronts } from '../../model/ml/nim-fronts.js';
import type { NimFront } from '../../model/ml/nim-fronts.js';
import { serverPortExposures } from '../../model/ml/server-exposure.js';
import { runningPodLabels } from '../../model/pod-labels.js';
import type { ExposureHop, ExposurePath } from '../../model/port-exposure.js';
import { inferenceServiceMode } from '../../model/port-exposure.js';
import { combineLimits, envoyFilterLimit, ingressAnnotationLimit, openshiftRouteLimit, routeLimit } from '../../model/rate-limits.js';
import type { RateLimit } from '../../model/rate-limits.js';
import { findObject } from '../../model/references.js';
import { isIngress, isRoute, parentGateways } from '../../model/routes.js';
import type { Labels } from '../../model/selectors.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

const ISTIO_GATEWAY = { kind: 'Gateway', groups: new Set(['networking.istio.io']) };

/** Why nothing on the path can limit requests, by the kind of way in. */
const WHY: Readonly<Record<string, string>> = {
  'load-balancer': 'a load balancer Service forwards connections, it limits no requests',
  'node-port': 'a node port forwards connections, it limits no requests',
  'external-ips': 'external IPs forward connections, they limit no requests',
  'host-port': 'a host port forwards connections, it limits no requests',
  'host-network': 'the node forwards connections, it limits no requests',
  'openshift-route': 'the Route turns on no rate-limit-connections limit',
  'virtual-service': 'no Envoy rate-limit filter applies at the Istio gateway or the pods',
  'gateway-route': 'no rate-limit policy is attached to the route or its Gateway',
  knative: 'no Envoy rate-limit filter applies at the Knative gateway or the pods',
  kserve: 'no rate limit is set on its route',
};

function display(object: K8sObject): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
}

/** The `spec.selector` of the Istio Gateways a VirtualService names (`mesh` is not one). */
function istioGatewaySelectors(model: KubernetesModel, virtualService: K8sObject): Labels[] {
  return virtualService.root
    .get('spec', 'gateways')
    .items()
    .flatMap((item) => {
      const reference = item.str();
      if (reference === undefined || reference === 'mesh') return [];
      const [namespace, name] = reference.includes('/') ? (reference.split('/', 2) as [string, string]) : [virtualService.namespace, reference];
      const gateway = findObject(model, { ...ISTIO_GATEWAY, namespace, name, near: virtualService });
      return gateway ? [gateway.root.get('spec', 'selector').stringRecord()] : [];
    });
}

/** A KServe route in Serverless (Knative) mode goes through the Knative gateway; in RawDeployment mode KServe creates an Ingress with the InferenceService's annotations. */
function isServerless(model: KubernetesModel, isvc: K8sObject): boolean | undefined {
  const mode = inferenceServiceMode(model, isvc)?.mode;
  return mode === undefined ? undefined : mode === 'Serverless' || mode === 'Knative';
}

/** What limits requests on a path into an LLM server's pods, by the kind of its way in and the mesh in front of the pods. */
function pathLimit(model: KubernetesModel, server: ModelServer, path: ExposurePath, front: K8sObject): RateLimit {
  const workload = server.container.workload;
  const serverless = path.kind === 'kserve' ? isServerless(model, front) : undefined;
  if (path.kind === 'kserve' && serverless === undefined) return 'unknown';
  const verdicts: RateLimit[] = [
    envoyFilterLimit(model, {
      namespace: workload.object.namespace,
      labels: runningPodLabels(workload),
      // Knative labels the pods of its revisions with more than the template writes.
      labelsComplete: path.kind !== 'knative' && !(path.kind === 'kserve' && serverless === true),
      throughGateway: path.kind === 'virtual-service' || path.kind === 'knative' || serverless === true,
      gatewaySelectors: path.kind === 'virtual-service' ? istioGatewaySelectors(model, front) : [],
    }),
  ];
  if (path.kind === 'openshift-route') verdicts.push(openshiftRouteLimit(front));
  if (path.kind === 'gateway-route') verdicts.push(routeLimit(model, front, parentGateways(model, front), []));
  if (path.kind === 'kserve' && serverless === false) verdicts.push(ingressAnnotationLimit(model, front, front.annotations));
  return combineLimits(verdicts);
}

/** What limits requests through a front the NIM operator creates; its pods' labels are the operator's. */
function nimFrontLimit(model: KubernetesModel, nim: K8sObject, nimFront: NimFront): RateLimit {
  const { front } = nimFront;
  const verdicts: RateLimit[] = [envoyFilterLimit(model, { namespace: nim.namespace, labels: {}, labelsComplete: false, throughGateway: false, gatewaySelectors: [] })];
  if (front.kind === 'ingress') verdicts.push(ingressAnnotationLimit(model, nim, front.annotations?.stringRecord() ?? {}));
  if (front.kind === 'gateway-route') verdicts.push(routeLimit(model, undefined, front.gateways ?? [], [], nim.namespace));
  return combineLimits(verdicts);
}

interface Entry {
  readonly hop: ExposureHop;
  readonly path: ExposurePath;
  internetFacing: boolean;
  readonly reached: Array<{ readonly server: ModelServer; readonly port: ServerPort; readonly at: Node }>;
}

export const llmServerExposedWithoutRateLimit = defineRule({
  meta: {
    id: 'IG-GRAPH-013',
    name: 'llm-server-exposed-without-rate-limit',
    title: 'LLM server reachable through a way in that limits no requests',
    severity: 'medium',
    rationale:
      "An LLM request can hold a GPU for seconds and costs by the token, and vLLM, TGI, Ollama, NIM, SGLang and Triton's TensorRT-LLM / vLLM builds limit no client by default. Without a per-client limit on the way in, one client can run up the bill (cost harvesting), starve every other user (denial of AI service) or query the model fast enough to extract it. IG-K8S-120 judges the Ingresses and Gateway API HTTP / gRPC routes in front of model servers; this rule judges the other ways in to an LLM server: a LoadBalancer or NodePort Service, external IPs, a host port straight to the server (layer-4 forwarding, which never limits HTTP requests: AWS WAF does not attach to Network Load Balancers, Cloud Armor's rate-based rules need an application or proxy load balancer, Azure Load Balancer is layer 4, and no Service annotation changes that), an Istio VirtualService through the ingress gateway (unless an EnvoyFilter puts Envoy's local or global rate-limit filter on that gateway or the pods), an OpenShift Route (unless its `haproxy.router.openshift.io/rate-limit-connections` limits are on), a TLS / TCP route, a Knative or KServe route, and the Service, Ingress or route the NIM operator creates. High when the way in is open to the internet, as IG-K8S-120 rates an LLM behind a public Ingress; authentication does not cap what an authenticated client spends, so it does not silence the finding.",
    remediation:
      "Publish the LLM through a gateway that limits each client: an Ingress with `nginx.ingress.kubernetes.io/limit-rps` / `limit-connections` (on a NIMService, in `spec.expose.router.annotations`; on a RawDeployment InferenceService, in its annotations), an Envoy Gateway `BackendTrafficPolicy` with `rateLimit`, Kong's `rate-limiting` / `ai-rate-limiting-advanced`, an EnvoyFilter adding `envoy.filters.http.local_ratelimit` to the Istio ingress gateway, or `haproxy.router.openshift.io/rate-limit-connections: \"true\"` with `.rate-http` on a Route; keep the server's Service ClusterIP. Cap the server too (vLLM `--max-num-seqs`, TGI `--max-concurrent-requests`, `OLLAMA_NUM_PARALLEL`), and per-user token budgets where the gateway supports them.",
    references: [
      'https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/',
      'https://istio.io/latest/docs/tasks/policy-enforcement/rate-limit/',
      'https://docs.redhat.com/en/documentation/openshift_container_platform/4.20/html/ingress_and_load_balancing/nw-route-specific-annotations_configuring-routes',
      'https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html',
      'https://cloud.google.com/armor/docs/rate-limiting-overview',
      'https://docs.nvidia.com/nim/ingestion/parse/latest/security.html',
      'https://atlas.mitre.org/techniques/AML.T0034',
    ],
    mappings: { stride: ['D'], atlas: ['AML.T0034', 'AML.T0029'], owasp: ['LLM10'], nist: ['SC-5'] },
    targets: ['k8s:Service', 'k8s:VirtualService', 'k8s:Route', 'k8s:TLSRoute', 'k8s:TCPRoute', 'k8s:InferenceService', 'k8s:NIMService', 'model:Server'],
    fix: 'none',
    messages: {
      noRateLimit: '{{audience}} reaches the {{server}} API of {{workload}} on port {{port}} here ({{entry}}), and nothing on the way limits requests ({{why}}): one client can hold its GPUs and run up the bill.',
      nimNoRateLimit: "NIMService '{{name}}' publishes NIM's API to {{audience}} through {{front}}, and nothing on the way limits requests: one client can hold its GPUs and run up the bill.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: llm }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: [--model, meta-llama/Llama-3.1-8B-Instruct]
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: llm }
spec:
  type: LoadBalancer
  selector: { app: vllm }
  ports: [{ port: 80, targetPort: 8000 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: llm }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: [--model, meta-llama/Llama-3.1-8B-Instruct]
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: vllm, namespace: llm }
spec:
  selector: { app: vllm }
  ports: [{ port: 80, targetPort: 8000 }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vllm
  namespace: llm
  annotations: { nginx.ingress.kubernetes.io/limit-rps: "2" }
spec:
  ingressClassName: nginx
  rules:
    - host: llm.example.com
      http:
        paths:
          - { path: /v1, pathType: Prefix, backend: { service: { name: vllm, port: { number: 80 } } } }
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        // One finding per way in: the servers and ports it reaches are listed together.
        const byEntry = new Map<string, Entry>();
        const ids = new Map<K8sObject, number>();
        const idOf = (object: K8sObject): number => ids.get(object) ?? ids.set(object, ids.size).get(object) as number;
        for (const server of modelServersIn(model)) {
          if (!isLlmServer(server.container) || listensBeyondPod(server) !== true) continue;
          for (const { port, exposure, at } of serverPortExposures(model, server, 'inference')) {
            for (const path of exposure.paths) {
              const hop = path.hops[0];
              // IG-K8S-120 judges Ingresses and HTTP / gRPC routes (to Services and InferencePools).
              if (!path.exposed || !hop || isIngress(hop.object) || isRoute(hop.object)) continue;
              if (pathLimit(model, server, path, hop.object) !== 'none') continue;
              // Paths are per document: the object tells two Services of one file apart.
              const key = `${idOf(hop.object)}#${hop.at.path.join('/')}`;
              const entry = byEntry.get(key) ?? { hop, path, internetFacing: false, reached: [] };
              entry.internetFacing ||= path.internetFacing;
              if (!entry.reached.some((known) => known.server === server && known.port.number === port.number)) entry.reached.push({ server, port, at });
              byEntry.set(key, entry);
            }
          }
        }
        for (const { hop, path, internetFacing, reached } of byEntry.values()) {
          const first = reached[0];
          if (!first) continue;
          const related: RelatedHop[] = [
            ...path.hops.slice(1).map((step) => ({ at: step.at, message: step.description })),
            ...reached.map((item) => ({ at: item.at, message: `${display(item.server.container.workload.object)} container '${item.server.container.name || '(unnamed)'}' serves the ${item.server.info.title} API on port ${item.port.number}` })),
          ];
          const workloads = [...new Set(reached.map((item) => display(item.server.container.workload.object)))];
          context.report({
            messageId: 'noRateLimit',
            at: hop.at,
            object: hop.object,
            severity: internetFacing ? 'high' : 'medium',
            data: {
              entry: hop.description,
              audience: internetFacing ? 'The internet' : 'Every client outside the namespace',
              server: first.server.info.title,
              workload: workloads.join(' and '),
              port: [...new Set(reached.map((item) => item.port.number))].join(', '),
              why: WHY[path.kind] ?? 'nothing limits requests',
            },
            related,
          });
        }
        for (const nim of model.objects) {
          if (nim.group !== NIM_GROUP || nim.kind !== 'NIMService') continue;
          for (const front of nimFronts(model, nim)) {
            if (nimFrontLimit(model, nim, front) !== 'none') continue;
            context.report({
              messageId: 'nimNoRateLimit',
              at: front.at,
              object: nim,
              severity: front.internetFacing ? 'high' : 'medium',
              data: { name: `${nim.namespace ? `${nim.namespace}/` : ''}${nim.name ?? '(unnamed)'}`, audience: front.internetFacing ? 'the internet' : 'clients outside the namespace', front: front.description },
            });
          }
        }
      },
    };
  },
});
