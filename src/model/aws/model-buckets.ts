import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import { modelUris } from '../ml/model-uris.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import { referencesResource } from '../terraform.js';
import { sagemakerEndpoints } from './sagemaker-endpoints.js';
import type { Node } from '../value.js';

/** How a bucket is tied to model serving. */
export type ModelBucketUse = 'model-artifacts' | 'data-capture' | 'async-output';

/** One value that names the bucket (by reference or by `s3://` URI). */
export interface ModelBucketLink {
  readonly use: ModelBucketUse;
  /** The SageMaker model or endpoint configuration, or the Kubernetes object whose model server loads from it. */
  readonly resource: TfResource | K8sObject;
  /** The attribute that names the bucket (`primary_container[0].model_data_url`, a `storageUri`, a `--model` flag). */
  readonly node: Node;
  /** The URI as known, when it is not the node's own text (`--model-repository=s3://…`). */
  readonly text?: string | undefined;
}

export interface ModelBucket {
  readonly bucket: TfResource;
  readonly links: readonly ModelBucketLink[];
  /** Some link belongs to a model being served: one an `aws_sagemaker_endpoint` of the scan serves, or a Kubernetes model server. */
  readonly live: boolean;
}

/**
 * The `aws_s3_bucket`s the SageMaker resources of the scan read models from or write inference data
 * to, and those Kubernetes model servers load models from (KServe `storageUri`, a server's model
 * flag, as `modelUris` reads them): a Terraform reference to the bucket (`"s3://${aws_s3_bucket.models.id}/m.tar.gz"`, also through
 * an `aws_s3_object`'s `bucket`), or a literal `s3://<name>/…` whose name equals the bucket's known
 * `bucket`. A bucket whose name is unknown (a variable without value, `bucket_prefix`) links only by
 * reference; an unknown URI links to nothing.
 */
export function modelBuckets(terraform: TerraformModel, model: KubernetesModel): readonly ModelBucket[] {
  let byModel = modelBucketCache.get(terraform);
  if (!byModel) modelBucketCache.set(terraform, (byModel = new WeakMap()));
  let cached = byModel.get(model);
  if (!cached) byModel.set(model, (cached = computeModelBuckets(terraform, model)));
  return cached;
}

const modelBucketCache = new WeakMap<TerraformModel, WeakMap<KubernetesModel, readonly ModelBucket[]>>();

function computeModelBuckets(terraform: TerraformModel, model: KubernetesModel): ModelBucket[] {
  const buckets = terraform.byType('tf:aws_s3_bucket').filter((bucket) => bucket.mode === 'managed');
  if (buckets.length === 0) return [];
  const links = new Map<TfResource, ModelBucketLink[]>();
  const live = new Set<TfResource>();
  const liveOwners = liveServingResources(terraform);
  for (const { use, resource, node } of bucketUris(terraform)) {
    for (const bucket of bucketsNamedBy(terraform, buckets, node, node.str())) {
      const list = links.get(bucket) ?? [];
      list.push({ use, resource, node });
      links.set(bucket, list);
      if (liveOwners.has(resource)) live.add(bucket);
    }
  }
  for (const uri of modelUris(model)) {
    for (const bucket of bucketsNamedBy(terraform, buckets, uri.node, uri.text?.trim())) {
      const list = links.get(bucket) ?? [];
      list.push({ use: 'model-artifacts', resource: uri.object, node: uri.node, ...(uri.text !== uri.node.str() ? { text: uri.text } : {}) });
      links.set(bucket, list);
      live.add(bucket);
    }
  }
  return buckets.filter((bucket) => links.has(bucket)).map((bucket) => ({ bucket, links: links.get(bucket) ?? [], live: live.has(bucket) }));
}

/** The separate S3 resources of the provider v4+ that configure a bucket through their `bucket` argument. */
export type BucketPartType =
  | 'aws_s3_bucket_public_access_block'
  | 'aws_s3_bucket_policy'
  | 'aws_s3_bucket_server_side_encryption_configuration'
  | 'aws_s3_bucket_versioning'
  | 'aws_s3_bucket_logging'
  | 'aws_s3_bucket_acl';

/**
 * The resources of `type` attached to `bucket`: their `bucket` refers to it (`aws_s3_bucket.b.id`,
 * `.bucket`, `.arn` is not accepted by the provider but points at it all the same), or is a string
 * equal to its known name. An unknown `bucket` without a reference attaches to nothing.
 */
export function bucketParts(terraform: TerraformModel, bucket: TfResource, type: BucketPartType): TfResource[] {
  return terraform.byType(`tf:${type}`).filter((part) => part.mode === 'managed' && namesBucket(terraform, part.root.get('bucket'), bucket));
}

/** The known name of a bucket (`bucket`), undefined when unknown or generated (`bucket_prefix`). */
export function bucketName(bucket: TfResource): string | undefined {
  return bucket.root.get('bucket').str();
}

/** The bucket an `s3://bucket/key` URI names; undefined for anything else. */
export function bucketOfS3Uri(uri: string): string | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/|$)/.exec(uri);
  return match?.[1];
}

/** Whether `node` (a bucket argument, an URI) names `bucket` by reference or by its known name. */
export function namesBucket(terraform: TerraformModel, node: Node, bucket: TfResource): boolean {
  if (referencesResource(terraform, node, bucket)) return true;
  const name = bucketName(bucket);
  return name !== undefined && node.str() === name;
}


interface UriNode {
  readonly use: ModelBucketUse;
  readonly resource: TfResource;
  readonly node: Node;
}

/** Every attribute of a SageMaker model or endpoint configuration that holds an S3 URI. */
/** Where a SageMaker model names its artifacts: each container's `model_data_url` and `model_data_source` S3 URI. */
export function sagemakerModelDataNodes(model: TfResource): Node[] {
  const nodes: Node[] = [];
  for (const block of ['primary_container', 'container']) {
    for (const container of model.root.get(block).items()) {
      nodes.push(container.get('model_data_url'));
      for (const source of container.get('model_data_source').items()) for (const s3 of source.get('s3_data_source').items()) nodes.push(s3.get('s3_uri'));
    }
  }
  return nodes;
}

function bucketUris(terraform: TerraformModel): UriNode[] {
  const uris: UriNode[] = [];
  for (const model of terraform.byType('tf:aws_sagemaker_model')) {
    if (model.mode !== 'managed') continue;
    for (const node of sagemakerModelDataNodes(model)) uris.push({ use: 'model-artifacts', resource: model, node });
  }
  for (const config of terraform.byType('tf:aws_sagemaker_endpoint_configuration')) {
    if (config.mode !== 'managed') continue;
    for (const capture of config.root.get('data_capture_config').items()) uris.push({ use: 'data-capture', resource: config, node: capture.get('destination_s3_uri') });
    for (const async of config.root.get('async_inference_config').items()) {
      for (const output of async.get('output_config').items()) {
        uris.push({ use: 'async-output', resource: config, node: output.get('s3_output_path') });
        uris.push({ use: 'async-output', resource: config, node: output.get('s3_failure_path') });
      }
    }
  }
  return uris.filter((uri) => uri.node.isWritten());
}

/**
 * The scanned `aws_s3_bucket`s an S3 URI value names, as the model links do: by reference (also through an
 * `aws_s3_object`'s `bucket`) or by the known name in `s3://<name>/…`. An unknown URI without references names none.
 */
export function s3BucketsNamedBy(terraform: TerraformModel, node: Node): TfResource[] {
  const buckets = terraform.byType('tf:aws_s3_bucket').filter((bucket) => bucket.mode === 'managed');
  return buckets.length === 0 ? [] : bucketsNamedBy(terraform, buckets, node, node.str());
}

const OBJECT_TYPES = new Set(['aws_s3_object', 'aws_s3_bucket_object']);

function bucketsNamedBy(terraform: TerraformModel, buckets: readonly TfResource[], node: Node, text: string | undefined): TfResource[] {
  const named = new Set<TfResource>();
  const references = node.references();
  for (const bucket of buckets) if (referencesResource(terraform, node, bucket)) named.add(bucket);
  // `s3://${aws_s3_object.model.bucket}/${aws_s3_object.model.key}`: the object's bucket.
  for (const reference of references) {
    for (const object of terraform.instancesOf(reference.address, node)) {
      if (!OBJECT_TYPES.has(object.resourceType) || (reference.key !== undefined && reference.key !== object.key)) continue;
      for (const bucket of buckets) if (namesBucket(terraform, object.root.get('bucket'), bucket)) named.add(bucket);
    }
  }
  const name = text === undefined ? undefined : bucketOfS3Uri(text);
  if (name !== undefined) for (const bucket of buckets) if (bucketName(bucket) === name) named.add(bucket);
  return [...named];
}

/** Models and endpoint configurations that an `aws_sagemaker_endpoint` of the scan serves. */
function liveServingResources(terraform: TerraformModel): Set<TfResource> {
  return new Set(sagemakerEndpoints(terraform).flatMap((served) => [...served.configs, ...served.models]));
}

/** `the model artifacts of 'aws_sagemaker_model.scorer'` (and how many more uses), for messages. */
export function describeModelBucketUse(entry: ModelBucket): string {
  const link = entry.links[0];
  if (link === undefined) return 'model data';
  const what = link.use === 'model-artifacts' ? 'the model artifacts' : link.use === 'data-capture' ? 'the captured inference data' : 'the async inference output';
  const more = entry.links.length > 1 ? ` (and ${entry.links.length - 1} more)` : '';
  const owner = 'address' in link.resource ? `'${link.resource.address}'` : `${link.resource.kind} '${link.resource.name ?? '(unnamed)'}'`;
  return `${what} of ${owner}${more}`;
}

const USE_EVIDENCE: Readonly<Record<ModelBucketUse, string>> = {
  'model-artifacts': 'a served model is loaded from this bucket here',
  'data-capture': 'captured inference requests and responses are written to this bucket here',
  'async-output': 'asynchronous inference results are written to this bucket here',
};

/** Where the bucket is used (the first three links), as related locations of a finding on the bucket. */
export function modelBucketEvidence(entry: ModelBucket): { readonly at: Node; readonly message: string }[] {
  return entry.links.slice(0, 3).map((link) => ({ at: link.node, message: USE_EVIDENCE[link.use] }));
}
