import { inferenceServiceComponents, KSERVE_GROUP } from '../../model/adapt/crds/kserve.js';
import type { IsvcComponent } from '../../model/adapt/crds/kserve.js';
import { parseServiceUrl } from '../../model/cluster-dns.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { defineRule } from '../define-rule.js';

const LLM_SERVERS = new Set(['vllm', 'tgi', 'ollama', 'nim']);

/** A predictor serving an LLM: a Hugging Face / vLLM format or runtime, or an LLM server recognised in its containers. */
function servesLlm(model: KubernetesModel, object: K8sObject, components: readonly IsvcComponent[]): boolean {
  const predictor = components.find((component) => component.name === 'predictor');
  if (!predictor) return false;
  const named = predictor.implementations.some((implementation) => {
    const text = `${implementation.key} ${implementation.modelFormat.str() ?? ''} ${implementation.runtime.str() ?? ''}`;
    return /huggingface|vllm|tgi|llm/i.test(text);
  });
  if (named) return true;
  return model.workloads.some((workload) => workload.object === object && workload.role === 'predictor' && workload.containers.some((container) => LLM_SERVERS.has(modelServerFacts(model, container)?.kind ?? '')));
}

export const inferenceLoggerSinkInsecure = defineRule({
  meta: {
    id: 'IG-ML-064',
    name: 'inference-logger-sink-insecure',
    title: 'Inference payload logger ships requests and responses to an external or plaintext sink',
    severity: 'medium',
    rationale:
      "KServe's payload logger (`spec.<component>.logger`) copies every request and response of the model — prompts, the personal or business data in them, generated answers — as CloudEvents to the `url` sink. A sink outside the cluster moves that data out of the trust boundary (to whoever runs that host, under their retention), and a plain `http://` sink sends it unencrypted across every network in between: anyone on the path reads or alters the audit trail. Inside the cluster, plaintext still exposes the full payload stream to any workload that can observe pod traffic. For LLM endpoints the stream is the users' conversations.",
    remediation:
      "Send the logger to an in-cluster, TLS-protected sink (`https://…svc.cluster.local`, with `logger.tls` / a CA bundle, or mesh mTLS) that enforces retention and access control, log only what is needed (`mode: request` or `response` rather than `all`), and redact prompts before they leave the serving namespace. Forward to external systems from that sink, over TLS, after redaction.",
    references: [
      'https://kserve.github.io/website/docs/model-serving/predictive-inference/logger/inference-logger',
      'https://kserve.github.io/website/docs/admin-guide/configurations',
      'https://github.com/kserve/kserve/blob/master/pkg/apis/serving/v1beta1/component.go',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025', 'AML.T0057'], owasp: ['LLM02'], nist: ['AU-9', 'SC-8', 'AC-4'] },
    targets: ['k8s:InferenceService'],
    fix: 'none',
    messages: {
      externalSink: "InferenceService '{{name}}' {{component}} logs {{mode}} to '{{url}}', a host outside the cluster: every payload leaves the trust boundary.",
      externalPlaintextSink: "InferenceService '{{name}}' {{component}} logs {{mode}} over plain HTTP to '{{url}}', a host outside the cluster: every payload crosses other networks unencrypted.",
      inClusterPlaintextSink: "InferenceService '{{name}}' {{component}} logs {{mode}} over plain HTTP to '{{url}}': the payload stream travels unencrypted inside the cluster.",
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: sklearn-iris, namespace: models }
spec:
  predictor:
    logger:
      mode: all
      url: http://logs.example.com/ingest
    model:
      modelFormat: { name: sklearn }
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`,
      good: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: sklearn-iris, namespace: models }
spec:
  predictor:
    logger:
      mode: request
      url: https://payload-sink.observability.svc.cluster.local/ingest
    model:
      modelFormat: { name: sklearn }
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceService') return;
        const components = inferenceServiceComponents(object);
        let llm: boolean | undefined;
        for (const component of components) {
          if (!component.logger.isMap()) continue;
          const urlNode = component.logger.get('url');
          const text = urlNode.str();
          // Without `url` the sink is the cluster's `logger.defaultUrl` (inferenceservice-config): not judged here.
          if (text === undefined) continue;
          const url = parseServiceUrl(text);
          if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) continue;
          const plaintext = url.scheme === 'http';
          if (url.inCluster === true && !plaintext) continue;
          if (url.inCluster === undefined && !plaintext) continue;
          const mode = component.logger.get('mode').str() ?? 'all';
          const data = { name: object.name ?? '(unnamed)', component: component.name, mode: mode === 'all' ? 'requests and responses' : `${mode}s`, url: text };
          llm ??= servesLlm(context.model, object, components);
          if (url.inCluster === false) {
            // Medium; high for an LLM endpoint or a plaintext path across other networks (both: still high).
            context.report({ messageId: plaintext ? 'externalPlaintextSink' : 'externalSink', data, at: urlNode, severity: llm || plaintext ? 'high' : 'medium' });
          } else {
            // Plain HTTP inside the cluster (or to an address that may be): one layer less, low; medium for an LLM endpoint.
            context.report({ messageId: 'inClusterPlaintextSink', data, at: urlNode, severity: llm ? 'medium' : 'low' });
          }
        }
      },
    };
  },
});
