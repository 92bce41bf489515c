import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef, Workload } from '../../model/kubernetes.js';
import type { ModelServerKind } from '../../model/model-servers.js';
import { modelServerOf } from '../../model/model-servers.js';
import { workloadsSelectedBy } from '../../model/selectors.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

/** Health endpoints of model servers that have them, to make the message actionable. */
const HEALTH_ENDPOINTS: Partial<Record<ModelServerKind, { readonly ready: string; readonly live: string }>> = {
  triton: { ready: 'Triton: `GET /v2/health/ready` on port 8000', live: 'Triton: `GET /v2/health/live` on port 8000' },
  'tf-serving': { ready: 'TF Serving: `GET /v1/models/<model>` on port 8501', live: 'TF Serving: `GET /v1/models/<model>` on port 8501' },
  torchserve: { ready: 'TorchServe: `GET /ping` on port 8080', live: 'TorchServe: `GET /ping` on port 8080' },
  vllm: { ready: 'vLLM: `GET /health`', live: 'vLLM: `GET /health`' },
  tgi: { ready: 'TGI: `GET /health`', live: 'TGI: `GET /health`' },
  mlserver: { ready: 'MLServer: `GET /v2/health/ready`', live: 'MLServer: `GET /v2/health/live`' },
};

const RUN_TO_COMPLETION_KINDS = new Set(['Job', 'CronJob']);

function declaresPorts(container: ContainerRef): boolean {
  return container.node.get('ports').items().length > 0;
}

/**
 * Whether traffic is sent to the container, so that readiness matters: it declares a port, it is a
 * model server, or a Service selects its pod and no container of the pod names the port it serves.
 * A node agent, a sidecar beside the serving container or a worker that only makes outbound calls
 * gets no traffic: only liveness applies to it.
 */
function receivesTraffic(container: ContainerRef, selectedByService: () => ReadonlySet<Workload>): boolean {
  if (declaresPorts(container) || servesModel(container)) return true;
  const { workload } = container;
  if (workload.containers.some((other) => other.role === 'container' && declaresPorts(other))) return false;
  return selectedByService().has(workload);
}

/** Where a custom resource names the container that serves the model (the Ray container), its sidecars do not serve, whatever the kind. */
function servesModel(container: ContainerRef): boolean {
  if (container.workload.containers.some((other) => other.server)) return container.server === true;
  return modelServerOf(container) !== undefined;
}

export const probesMissing = defineRule({
  meta: {
    id: 'IG-K8S-114',
    name: 'probes-missing',
    title: 'No readiness / liveness probe',
    severity: 'low',
    rationale:
      'Model servers take from seconds to many minutes to load weights. Without a readiness probe, Services send traffic to a pod that cannot answer yet, and a rollout replaces working replicas with ones still loading. Without a liveness probe, a server wedged by a bad request or a GPU error (CUDA out of memory, Xid) keeps its GPU and its share of traffic until someone notices.',
    remediation:
      'Add a `readinessProbe` on the model ready endpoint (Triton `/v2/health/ready`, TF Serving `/v1/models/<model>`, TorchServe `/ping`, vLLM / TGI `/health`) and a `livenessProbe` on the live endpoint; give slow loaders a `startupProbe` rather than a long liveness delay. Jobs and other run-to-completion pods are not checked, nor probes that an operator adds when none is written (the Ray container of KubeRay, the model containers of Seldon); containers that receive no traffic (no declared port, no Service selecting them) and Knative Services and KServe components that may run on Knative (which get a default readiness probe) are checked for liveness only.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
      'https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_management.md',
      'https://www.tensorflow.org/tfx/serving/api_rest#model_status_api',
      'https://knative.dev/docs/serving/services/configure-probing/',
    ],
    mappings: { stride: ['D'], nist: ['SC-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      noProbes:
        "Container '{{container}}' has neither a readiness nor a liveness probe: it gets traffic before it is ready and is not restarted when it hangs{{hint}}.",
      noReadinessProbe: "Container '{{container}}' has no readiness probe: it gets traffic before it is ready{{hint}}.",
      noLivenessProbe: "Container '{{container}}' has no liveness probe: it is not restarted when it hangs{{hint}}.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      readinessProbe:
        httpGet: { path: /v2/health/ready, port: 8000 }
      livenessProbe:
        httpGet: { path: /v2/health/live, port: 8000 }
`,
    },
  },
  create(context) {
    let selected: Set<Workload> | undefined;
    const selectedByService = (): ReadonlySet<Workload> =>
      (selected ??= new Set(context.model.byType('k8s:Service').filter((service) => service.group === '').flatMap((service) => workloadsSelectedBy(context.model, service))));
    return {
      container(container) {
        // Init and ephemeral containers run once or on demand: probes do not apply to them.
        if (container.role !== 'container' || isFragmentContainer(container)) return;
        const { object, podSpec, runsToCompletion } = container.workload;
        const restartPolicy = podSpec.get('restartPolicy').str();
        if (RUN_TO_COMPLETION_KINDS.has(object.kind) || runsToCompletion || restartPolicy === 'Never' || restartPolicy === 'OnFailure') return;
        // A probe is satisfied when written or added by the operator (Knative, KubeRay, Seldon); readiness also when no traffic reaches the container.
        const defaulted = container.defaultProbes ?? [];
        const readiness = container.node.get('readinessProbe').isWritten() || defaulted.includes('readiness') || !receivesTraffic(container, selectedByService);
        const liveness = container.node.get('livenessProbe').isWritten() || defaulted.includes('liveness');
        if (readiness && liveness) return;
        const messageId = !readiness && !liveness ? 'noProbes' : readiness ? 'noLivenessProbe' : 'noReadinessProbe';
        const server = modelServerOf(container);
        const endpoints = server ? HEALTH_ENDPOINTS[server] : undefined;
        const endpoint = messageId === 'noLivenessProbe' ? endpoints?.live : endpoints?.ready;
        context.report({
          messageId,
          data: { container: container.name || '(unnamed)', hint: endpoint ? ` (${endpoint})` : '' },
          at: container.node,
          severity: severityForContainer(probesMissing.meta.severity, container),
        });
      },
    };
  },
});
