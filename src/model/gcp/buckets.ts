import { inferenceServiceComponents, KSERVE_GROUP, llmInferenceServiceFacts } from '../adapt/crds/kserve.js';
import type { KubernetesModel } from '../kubernetes.js';
import { modelServersIn } from '../ml/model-server.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';

/** A `google_storage_bucket` that a served model is loaded from, with the URIs that say so. */
export interface ModelBucket {
  readonly bucket: TfResource;
  /** The `gs://<bucket>/…` values (KServe `storageUri`, a model server's model flag or env) naming it. */
  readonly uses: readonly Node[];
}

const GS_URI = /^gs:\/\/([a-z0-9][a-z0-9._-]*[a-z0-9])(?:\/|$)/;

/** The bucket name of a `gs://` URI; undefined for anything else. */
export function gcsBucketOf(uri: string): string | undefined {
  return GS_URI.exec(uri)?.[1];
}

/**
 * Every URI a served model is loaded from, in the scanned Kubernetes objects: KServe InferenceService
 * `storageUri` / `storageUris` / `STORAGE_URI`, LLMInferenceService `spec.model.uri` and adapters, and the
 * model flag or env of any recognised model server (vLLM `--model gs://…`, TorchServe, Triton's model
 * repository).
 */
export function modelUris(model: KubernetesModel): Node[] {
  const uris: Node[] = [];
  for (const object of model.objects) {
    if (object.group !== KSERVE_GROUP) continue;
    if (object.kind === 'InferenceService') for (const component of inferenceServiceComponents(object)) uris.push(...component.storageUris);
    else if (object.kind === 'LLMInferenceService') uris.push(...llmInferenceServiceFacts(object).modelUris);
  }
  for (const server of modelServersIn(model)) for (const source of server.modelSources) if (typeof source.value === 'string') uris.push(source.node);
  return uris;
}

/**
 * The scanned `google_storage_bucket`s that hold served models: a bucket whose known `name` is the bucket
 * of a `gs://` model URI. A bucket whose name the scan cannot resolve is never linked (no guess).
 * Terraform has no resource that deploys a Vertex AI model from an artifact URI (models are uploaded with
 * the SDK or gcloud), so the links come from the Kubernetes side, including `kubernetes_*` resources.
 */
export function modelBuckets(terraform: TerraformModel, model: KubernetesModel): readonly ModelBucket[] {
  let byModel = modelBucketCache.get(terraform);
  if (!byModel) modelBucketCache.set(terraform, (byModel = new WeakMap()));
  let cached = byModel.get(model);
  if (!cached) byModel.set(model, (cached = computeModelBuckets(terraform, model)));
  return cached;
}

/** Two rules ask once per scan each; the Kubernetes side is walked once. */
const modelBucketCache = new WeakMap<TerraformModel, WeakMap<KubernetesModel, readonly ModelBucket[]>>();

function computeModelBuckets(terraform: TerraformModel, model: KubernetesModel): ModelBucket[] {
  const uses = new Map<string, Node[]>();
  for (const uri of modelUris(model)) {
    const text = uri.str();
    // A model server flag may hold a value the model could not read (a Secret): only written text links.
    const name = text === undefined ? undefined : gcsBucketOf(text.trim());
    if (name === undefined) continue;
    const list = uses.get(name);
    if (list) list.push(uri);
    else uses.set(name, [uri]);
  }
  const buckets: ModelBucket[] = [];
  for (const bucket of terraform.byType('tf:google_storage_bucket')) {
    if (bucket.mode !== 'managed') continue;
    const name = bucket.root.get('name').str();
    const found = name === undefined ? undefined : uses.get(name);
    if (found) buckets.push({ bucket, uses: found });
  }
  return buckets;
}
