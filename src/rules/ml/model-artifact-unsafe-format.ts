import { inferenceServiceComponents, KSERVE_GROUP, llmInferenceServiceFacts } from '../../model/adapt/crds/kserve.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/**
 * The file a model reference names, when it names one, and the code-executing format its extension
 * says. A directory (`gs://bucket/model/`, `s3://b/iris`) says nothing about the files inside.
 * `.bin` is ambiguous (OpenVINO IR weights, fastText, GGML, ONNX external data are plain data): only
 * Hugging Face's PyTorch names (`pytorch_model*.bin`, `adapter_model.bin`) are `torch.save` pickles.
 */
export function unsafeArtifact(reference: string): { file: string; format: string } | undefined {
  // `name=path` (TorchServe `--models`), query strings and fragments.
  const path = reference.trim().replace(/^[\w.-]+=/, '').replace(/[?#].*$/, '');
  if (path === '' || path.endsWith('/')) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1);
  const lower = file.toLowerCase();
  if (/\.(pkl|pickle)$/.test(lower)) return { file, format: 'Python pickle' };
  if (/\.joblib$/.test(lower)) return { file, format: 'joblib (pickle)' };
  if (/\.(pt|pth)$/.test(lower)) return { file, format: 'PyTorch (pickle / TorchScript)' };
  if (/\.ckpt$/.test(lower)) return { file, format: 'PyTorch checkpoint (pickle)' };
  if (/\.mar$/.test(lower)) return { file, format: 'TorchServe archive (runs its Python handler)' };
  if (/^(pytorch_model(-\d+-of-\d+)?|adapter_model)\.bin$/.test(lower)) return { file, format: 'PyTorch weights (pickle)' };
  return undefined;
}

/** MLServer's per-model settings file, as a ConfigMap key. */
const MODEL_SETTINGS = /(^|[./_-])model-settings\.json$/;

export const modelArtifactUnsafeFormat = defineRule({
  meta: {
    id: 'IG-ML-070',
    name: 'model-artifact-unsafe-format',
    title: 'Model artifact in a code-executing serialization format',
    severity: 'medium',
    rationale:
      "Loading a pickle runs whatever the file tells Python to run: `pickle`, `joblib` (scikit-learn, XGBoost wrappers), PyTorch `.pt` / `.pth` / `.ckpt` and Hugging Face `pytorch_model.bin` files all go through it, and a TorchServe `.mar` ships a Python handler that the server imports. Whoever can write the artifact (a bucket writer, a compromised training job, a poisoned upload) therefore gets code execution in the serving pod, with its credentials and its network, the next time the model loads. Only references that name a file are judged: a directory URI says nothing about the files inside it.",
    remediation:
      'Serve a format that holds only data: safetensors for PyTorch / Hugging Face weights, ONNX, TensorFlow SavedModel, XGBoost / LightGBM JSON or UBJ. Where a pickle-based format cannot be avoided, scan artifacts before they are registered (picklescan, ModelScan), sign them and verify the signature or digest before loading, and keep write access to the model store to the release pipeline.',
    references: ['https://github.com/mitre-atlas/atlas-data/blob/main/data/techniques.yaml', 'https://docs.python.org/3/library/pickle.html', 'https://huggingface.co/docs/safetensors/index', 'https://docs.seldon.ai/mlserver/reference/model-settings'],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0011.000', 'AML.T0018.002'], owasp: ['ML06', 'ML10'], nist: ['SI-7', 'SI-3'] },
    targets: ['k8s:Workload', 'k8s:InferenceService', 'k8s:LLMInferenceService', 'k8s:ConfigMap'],
    fix: 'none',
    messages: {
      storageUri: '{{kind}} {{name}} serves {{file}}, a {{format}} artifact: loading it runs code that whoever can write the file chose.',
      modelSource: "Container '{{container}}' ({{server}}) loads {{file}} ({{setting}}), a {{format}} artifact: loading it runs code that whoever can write the file chose.",
      modelSettings: 'ConfigMap {{name}} ({{key}}) points MLServer at {{file}}, a {{format}} artifact: loading it runs code that whoever can write the file chose.',
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: churn, namespace: models }
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: s3://models/churn/model.joblib
`,
      good: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: churn, namespace: models }
spec:
  predictor:
    model:
      modelFormat: { name: onnx }
      storageUri: s3://models/churn/model.onnx
`,
    },
  },
  create(context) {
    const reportUris = (object: K8sObject, uris: readonly Node[]): void => {
      for (const node of uris) {
        const text = node.str();
        const artifact = text === undefined ? undefined : unsafeArtifact(text);
        if (artifact) context.report({ messageId: 'storageUri', data: { kind: object.kind, name: object.name ?? '(unnamed)', ...artifact }, at: node });
      }
    };
    return {
      object(object) {
        if (object.group === KSERVE_GROUP && object.kind === 'InferenceService') reportUris(object, inferenceServiceComponents(object).flatMap((component) => component.storageUris));
        else if (object.group === KSERVE_GROUP && object.kind === 'LLMInferenceService') reportUris(object, llmInferenceServiceFacts(object).modelUris);
        else if (object.group === '' && object.kind === 'ConfigMap') {
          for (const [key, node] of object.root.get('data').entries()) {
            if (!MODEL_SETTINGS.test(key)) continue;
            let settings: unknown;
            try {
              settings = JSON.parse(node.str() ?? '');
            } catch {
              continue;
            }
            const parameters = settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>)['parameters'] : undefined;
            const uri = parameters !== null && typeof parameters === 'object' ? (parameters as Record<string, unknown>)['uri'] : undefined;
            const artifact = typeof uri === 'string' ? unsafeArtifact(uri) : undefined;
            if (artifact) context.report({ messageId: 'modelSettings', data: { name: object.name ?? '(unnamed)', key, ...artifact }, at: node });
          }
        }
      },
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        for (const source of server.modelSources) {
          if (typeof source.value !== 'string') continue;
          // TorchServe `--models a=x.mar,b=y.mar`: each entry.
          for (const part of source.value.split(/[\s,]+/)) {
            const artifact = unsafeArtifact(part);
            if (!artifact) continue;
            context.report({ messageId: 'modelSource', data: { container: container.name || '(unnamed)', server: server.info.title, setting: source.name, ...artifact }, at: source.node });
            break;
          }
        }
      },
    };
  },
});
