// Where served models are loaded from, as the scanned Kubernetes objects say: the link from a model
// server to the bucket of its artifacts.
import { inferenceServiceComponents, KSERVE_GROUP, llmInferenceServiceFacts } from '../adapt/crds/kserve.js';
import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import type { Node } from '../value.js';
import { modelServersIn } from './model-server.js';

export interface ModelUri {
  /** The value holding the URI (`storageUri`, `--model`, `MODEL_ID`). */
  readonly node: Node;
  /** The URI, when known: a server flag's value (`--model-repository=s3://…` gives `s3://…`), a field's text. */
  readonly text: string | undefined;
  /** The InferenceService, LLMInferenceService or workload that loads it. */
  readonly object: K8sObject;
}

const cache = new WeakMap<KubernetesModel, readonly ModelUri[]>();

/**
 * Every URI a served model is loaded from: KServe InferenceService `storageUri` / `storageUris` /
 * `STORAGE_URI`, LLMInferenceService `spec.model.uri` and adapters, and the model flag or env of any
 * recognised model server (vLLM `--model s3://…`, TorchServe, Triton's model repository).
 */
export function modelUris(model: KubernetesModel): readonly ModelUri[] {
  let cached = cache.get(model);
  if (!cached) cache.set(model, (cached = compute(model)));
  return cached;
}

function compute(model: KubernetesModel): ModelUri[] {
  const uris: ModelUri[] = [];
  for (const object of model.objects) {
    if (object.group !== KSERVE_GROUP) continue;
    if (object.kind === 'InferenceService') for (const component of inferenceServiceComponents(object)) for (const node of component.storageUris) uris.push({ node, text: node.str(), object });
    else if (object.kind === 'LLMInferenceService') for (const node of llmInferenceServiceFacts(object).modelUris) uris.push({ node, text: node.str(), object });
  }
  for (const server of modelServersIn(model)) for (const source of server.modelSources) if (typeof source.value === 'string') uris.push({ node: source.node, text: source.value, object: server.container.workload.object });
  return uris;
}
