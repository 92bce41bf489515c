import { NIM_GROUP, nimServiceFacts } from '../../model/adapt/crds/nim.js';
import { authOnGeneratedFront } from '../../model/auth-front.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { nimFronts } from '../../model/ml/nim-fronts.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import { defineRule } from '../define-rule.js';

/** NIM's API port (`DefaultAPIPort`), which `expose.service.port` defaults to. */
const NIM_API_PORT = 8000;

function display(object: K8sObject): string {
  return object.namespace ? `${object.namespace}/${object.name ?? '(unnamed)'}` : (object.name ?? '(unnamed)');
}

export const nimExposedWithoutAuth = defineRule({
  meta: {
    id: 'IG-ML-052',
    name: 'nim-exposed-without-auth',
    title: 'NVIDIA NIM exposed without gateway authentication',
    severity: 'high',
    rationale:
      "NVIDIA NIM microservices authenticate nobody and impose no rate limits: NVIDIA's own guidance is that the deployer secures the endpoint with an authenticating proxy and TLS. A NIM published beyond its namespace (LoadBalancer, NodePort, Ingress, Gateway route) lets any client there run the model on your GPUs (cost and denial of service, one long generation at a time), extract it through repeated queries, and read whatever the model was given in prompts. Raised to critical when the exposure is to the internet (catalogue F.0).",
    remediation:
      "Keep the NIM Service `ClusterIP` (NIMService: leave `spec.expose.service.type` unset) and publish it only through an authenticating gateway with TLS 1.2 or later and rate limits: an Ingress with `nginx.ingress.kubernetes.io/auth-url` (oauth2-proxy) or `auth-type: basic` (on a NIMService, in `spec.expose.router.annotations`), an Envoy Gateway SecurityPolicy on the Gateway or route, Kong `key-auth` / `openid-connect`, or an Istio AuthorizationPolicy requiring a request principal on the NIM pods.",
    references: [
      'https://docs.nvidia.com/nim/ingestion/parse/latest/security.html',
      'https://docs.nvidia.com/nim/large-language-models/latest/deployment/kubernetes-deployment/helm-k8s.html',
      'https://github.com/NVIDIA/k8s-nim-operator/blob/main/api/apps/v1alpha1/common_types.go',
    ],
    mappings: { stride: ['S', 'D'], atlas: ['AML.T0040', 'AML.T0034'], owasp: ['LLM10'], nist: ['AC-3', 'SC-5'] },
    targets: ['k8s:Workload', 'k8s:NIMService'],
    fix: 'none',
    messages: {
      exposedToInternet:
        "Container '{{container}}' serves NVIDIA NIM's API on port {{port}}, reachable from the internet through {{hop}}, and no authentication is recognised in front of it: NIM authenticates nobody and limits no rate.",
      exposed:
        "Container '{{container}}' serves NVIDIA NIM's API on port {{port}}, reachable from outside its namespace through {{hop}}, and no authentication is recognised in front of it: NIM authenticates nobody and limits no rate.",
      nimServiceExposedToInternet:
        "NIMService '{{name}}' publishes NIM's API (port {{port}}) to the internet through {{front}}, and no authentication is recognised in front of it: NIM authenticates nobody and limits no rate.",
      nimServiceExposed:
        "NIMService '{{name}}' publishes NIM's API (port {{port}}) outside its namespace through {{front}}, and no authentication is recognised in front of it: NIM authenticates nobody and limits no rate.",
    },
    examples: {
      bad: `apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata: { name: llama3-8b, namespace: nim }
spec:
  image: { repository: nvcr.io/nim/meta/llama3-8b-instruct, tag: "1.0.3" }
  authSecret: ngc-api-secret
  expose:
    service: { type: LoadBalancer, port: 8000 }
`,
      good: `apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata: { name: llama3-8b, namespace: nim }
spec:
  image: { repository: nvcr.io/nim/meta/llama3-8b-instruct, tag: "1.0.3" }
  authSecret: ngc-api-secret
  expose:
    service: { type: ClusterIP, port: 8000 }
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'nim') return;
        // KServe's own route to an InferenceService is IG-ML-060's.
        for (const { port, at, open, internetFacing } of unauthenticatedServerPorts(model, server, ['inference'], { skip: ['kserve'] })) {
          const data = { container: container.name || '(unnamed)', port: port.number, hop: open[0]?.hops[0]?.description ?? 'an exposure path' };
          context.report({ messageId: internetFacing ? 'exposedToInternet' : 'exposed', data, at, severity: internetFacing ? 'critical' : 'high', related: hopsOf(open) });
        }
      },
      object(object) {
        if (object.group !== NIM_GROUP || object.kind !== 'NIMService') return;
        const open = nimFronts(model, object).filter((candidate) => authOnGeneratedFront(model, candidate.front) === undefined);
        const named = open.find((candidate) => candidate.internetFacing) ?? open[0];
        if (!named) return;
        const servicePort = nimServiceFacts(object).servicePort.value;
        const data = { name: display(object), port: typeof servicePort === 'number' ? servicePort : NIM_API_PORT, front: named.description };
        const related = open.filter((candidate) => candidate !== named).map((candidate) => ({ at: candidate.at, message: `also published through ${candidate.description}` }));
        context.report({ messageId: named.internetFacing ? 'nimServiceExposedToInternet' : 'nimServiceExposed', data, at: named.at, severity: named.internetFacing ? 'critical' : 'high', related });
      },
    };
  },
});
