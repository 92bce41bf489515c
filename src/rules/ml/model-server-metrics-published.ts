import type { Severity } from '../../findings/finding.js';
import { unauthenticatedPaths } from '../../model/auth-front.js';
import { pathsSeenByBackend, pathsWithin, routedPaths } from '../../model/http-paths.js';
import type { KubernetesModel } from '../../model/kubernetes.js';
import { bindHostIn, isLocalBind, modelServerFacts } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop, serverPortExposures } from '../../model/ml/server-exposure.js';
import { torchServeConfig, torchServeSetting } from '../../model/ml/torchserve.js';
import { tritonBoolean } from '../../model/ml/triton.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

/**
 * Servers that answer `/metrics` on their API port (no metrics port of their own): only a route that
 * sends that path there publishes the metrics on purpose (vLLM docs/usage/metrics.md, TGI
 * docs/source/reference/metrics.md).
 */
const METRICS_ON_API_PORT = new Set(['vllm', 'tgi']);
const METRICS_PATH = '/metrics';

function readable(value: string | true | undefined): string | undefined {
  return typeof value === 'string' && !/\$[({]|\$\$/.test(value) ? value.trim() : undefined;
}

/**
 * Whether the metrics endpoint serves other pods: false when it is switched off or bound to loopback,
 * undefined when that cannot be read here. Triton: `--allow-metrics`, and `--metrics-address`, else the
 * `--http-address` it reuses (docs/user_guide/metrics.md). TorchServe: `enable_metrics_api` and
 * `metrics_address` (127.0.0.1 unless the official image's config.properties, which binds 0.0.0.0, is
 * the file read). Other servers listen on every interface.
 */
function metricsServed(model: KubernetesModel, server: ModelServer): boolean | undefined {
  if (server.kind === 'triton') {
    const allow = server.settings({ flags: ['--allow-metrics'] }).at(-1);
    if (allow && tritonBoolean(allow.value) !== true) return tritonBoolean(allow.value) === false ? false : undefined;
    const address = server.settings({ flags: ['--metrics-address'] }).at(-1) ?? server.settings({ flags: ['--http-address'] }).at(-1);
    if (!address) return true;
    const host = readable(address.value);
    return host === undefined ? undefined : !isLocalBind(host.replace(/^\[|\]$/g, ''));
  }
  if (server.kind === 'torchserve') {
    const enabled = torchServeSetting(server, { key: 'enable_metrics_api' });
    if (enabled) {
      const text = readable(enabled.value)?.toLowerCase();
      if (text !== 'true') return text === 'false' ? false : undefined;
    }
    const address = torchServeSetting(server, { key: 'metrics_address' });
    if (address) {
      const text = readable(address.value);
      const host = text === undefined ? undefined : bindHostIn(text);
      return host === undefined ? undefined : !isLocalBind(host);
    }
    const config = torchServeConfig(model, server);
    return config.kind === 'image' ? true : config.kind === 'scanned' ? false : undefined;
  }
  return true;
}

function severityOf(paths: readonly ExposurePath[]): Severity {
  return paths.some((path) => path.internetFacing) ? 'high' : 'medium';
}

export const modelServerMetricsPublished = defineRule({
  meta: {
    id: 'IG-ML-015',
    name: 'model-server-metrics-published',
    title: 'Model-server metrics port published outside the namespace',
    severity: 'medium',
    rationale:
      "A model server's Prometheus endpoint answers without authentication and describes the service in detail: the names and versions of every loaded model, request, failure and token counts per model, queue sizes and latencies, batch sizes, GPU memory and utilisation. For an attacker that is reconnaissance for free (AML.T0006, AML.T0007): which models and versions to target, when the server is saturated and how much load tips it over, and, through latency and token counts, a side channel on other users' traffic. The endpoint has its own port on Triton (8002), TorchServe (8082), MLServer (8082), Seldon Core microservices (6000) and Ray (8080 under KubeRay); vLLM and TGI serve `/metrics` on their API port.\n\nThe rule fires when that port is exposed (catalogue F.0: a LoadBalancer or NodePort Service, an Ingress, Gateway route, OpenShift Route or VirtualService, a hostPort or hostNetwork, an operator route) with no authentication recognised in front of it, or when a route sends `/metrics` to a vLLM or TGI server on purpose; a ClusterIP Service that Prometheus scrapes is the intended setup and is not reported. Severity is raised to high when the exposure is internet-facing (F.0).",
    remediation:
      "Scrape metrics from inside the cluster: keep the metrics port off every LoadBalancer, NodePort, Ingress and route, and publish it only on a ClusterIP Service (or let a PodMonitor scrape the pods) selected by a ServiceMonitor; a NetworkPolicy can limit it to the Prometheus namespace. Remove `/metrics` paths from Ingresses and HTTPRoutes in front of vLLM or TGI (an allow-list of `/v1/...` routes keeps it out). Where metrics are not used, switch them off (`--allow-metrics=false` for Triton, `enable_metrics_api=false` for TorchServe) or bind them to loopback (`--metrics-address=127.0.0.1`, `metrics_address=http://127.0.0.1:8082`).",
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/user_guide/metrics.md',
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://github.com/pytorch/serve/blob/master/docs/configuration.md',
      'https://github.com/pytorch/serve/blob/master/docs/metrics_api.md',
      'https://github.com/SeldonIO/MLServer/blob/master/mlserver/settings.py',
      'https://github.com/SeldonIO/seldon-core/blob/master/python/seldon_core/microservice.py',
      'https://docs.ray.io/en/latest/cluster/kubernetes/k8s-ecosystem/prometheus-grafana.html',
      'https://docs.vllm.ai/en/stable/usage/metrics.html',
      'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/metrics.md',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0007', 'AML.T0006'], nist: ['AC-4', 'SC-7'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:Ingress', 'k8s:HTTPRoute'],
    fix: 'none',
    messages: {
      metricsPortExposed:
        "Container '{{container}}' ({{server}}) serves Prometheus metrics on port {{port}}, and the port is exposed ({{hop}}): anyone who reaches it reads what the server runs and how busy it is (model names and versions, request, error and token counts, queue sizes, GPU load).",
      metricsPathRouted:
        "{{front}} sends `{{path}}` to container '{{container}}' ({{server}}) port {{port}}: its Prometheus metrics (model names and versions, request, error and token counts, queue sizes, GPU load) are published outside the namespace.",
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
          args: ["tritonserver", "--model-repository=/models"]
          ports:
            - { containerPort: 8000, name: http }
            - { containerPort: 8002, name: metrics }
---
apiVersion: v1
kind: Service
metadata: { name: triton-metrics, namespace: serving }
spec:
  type: NodePort
  selector: { app: triton }
  ports: [{ name: metrics, port: 8002, targetPort: metrics }]
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
          args: ["tritonserver", "--model-repository=/models"]
          ports:
            - { containerPort: 8000, name: http }
            - { containerPort: 8002, name: metrics }
---
apiVersion: v1
kind: Service
metadata: { name: triton-metrics, namespace: serving }
spec:
  selector: { app: triton }
  ports: [{ name: metrics, port: 8002, targetPort: metrics }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        if (container.role !== 'container') return;
        const server = modelServerFacts(model, container);
        if (!server) return;
        const base = { container: container.name || '(unnamed)', server: server.info.title };
        for (const { port, exposure, at } of serverPortExposures(model, server, 'metrics')) {
          const paths = unauthenticatedPaths(model, container.workload, exposure);
          if (paths.length === 0) continue;
          if (port.roles.every((role) => role === 'metrics')) {
            if (metricsServed(model, server) !== true) continue;
            const data = { ...base, port: port.number, hop: outermostHop(paths) };
            context.report({ messageId: 'metricsPortExposed', data, at, severity: severityOf(paths), related: hopsOf(paths) });
            continue;
          }
          if (!METRICS_ON_API_PORT.has(server.kind)) continue;
          // The API port: only a route condition that sends `/metrics` (and nothing wider) there publishes the metrics on purpose.
          const reported = new Set<string>();
          for (const path of paths) {
            const hop = path.hops[0];
            for (const match of routedPaths(path) ?? []) {
              const seen = pathsSeenByBackend(match);
              const id = `${hop?.object.file.path ?? ''}\u0000${match.at.path.join('/')}`;
              if (!hop || !seen || !pathsWithin(seen, METRICS_PATH) || reported.has(id)) continue;
              reported.add(id);
              const front = `${hop.object.kind} '${hop.object.name ?? '(unnamed)'}'`;
              const data = { ...base, port: port.number, front, path: match.value ?? METRICS_PATH };
              context.report({ messageId: 'metricsPathRouted', data, at: match.at, object: hop.object, severity: severityOf([path]), related: hopsOf([path]) });
            }
          }
        }
      },
    };
  },
});
