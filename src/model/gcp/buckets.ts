import type { KubernetesModel } from '../kubernetes.js';
import { modelUris } from '../ml/model-uris.js';
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
  for (const { node: uri, text } of modelUris(model)) {
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
