// The S3 objects served models are loaded from, with what serves each: the targets a serving identity's
// policy may read or overwrite (its own model: poisoning; another model's: theft, broken tenant isolation).
import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import type { PolicyStatement, PolicyString } from '../iam/policy.js';
import { resourcePatternOf } from './bucket-arns.js';
import { iamWildcard } from '../iam/string-like.js';
import { modelUris } from '../ml/model-uris.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { bucketOfS3Uri, sagemakerModelDataNodes } from './model-buckets.js';

export interface ModelArtifact {
  /** `s3://models/scorer/model.tar.gz`, or a prefix the server loads a directory from. */
  readonly uri: string;
  /** `arn:aws:s3:::models/scorer/model.tar.gz`. */
  readonly arn: string;
  /** The SageMaker model, or the workload / InferenceService whose server loads it. */
  readonly owner: TfResource | K8sObject;
  /** `aws_sagemaker_model.scorer`, `Deployment 'llm'`, for messages. */
  readonly label: string;
  readonly at: Node;
  /** ARNs a resource pattern must match to take the artifact in: the object, or an object under the prefix. */
  readonly probes: readonly string[];
}

const cache = new WeakMap<TerraformModel, WeakMap<KubernetesModel, readonly ModelArtifact[]>>();

/** Every `s3://` model location the scan knows: SageMaker `model_data_url` / `s3_data_source.s3_uri`, and Kubernetes model URIs. */
export function modelArtifacts(terraform: TerraformModel, model: KubernetesModel): readonly ModelArtifact[] {
  let byModel = cache.get(terraform);
  if (!byModel) cache.set(terraform, (byModel = new WeakMap()));
  let cached = byModel.get(model);
  if (!cached) byModel.set(model, (cached = compute(terraform, model)));
  return cached;
}

function compute(terraform: TerraformModel, model: KubernetesModel): ModelArtifact[] {
  const artifacts: ModelArtifact[] = [];
  const add = (text: string | undefined, owner: TfResource | K8sObject, label: string, at: Node): void => {
    const uri = text?.trim();
    if (uri === undefined || bucketOfS3Uri(uri) === undefined) return;
    const arn = `arn:aws:s3:::${uri.slice('s3://'.length)}`;
    artifacts.push({ uri, arn, owner, label, at, probes: [arn, `${arn.replace(/\/+$/, '')}/model`] });
  };
  for (const sagemaker of terraform.byType('tf:aws_sagemaker_model')) {
    if (sagemaker.mode !== 'managed') continue;
    for (const node of sagemakerModelDataNodes(sagemaker)) add(node.str(), sagemaker, sagemaker.address, node);
  }
  for (const uri of modelUris(model)) add(uri.text, uri.object, `${uri.object.kind} '${uri.object.name ?? '(unnamed)'}'`, uri.node);
  return artifacts;
}

/**
 * Whether the statement's resources take in the artifact (its object, or an object under it when the
 * URI is a prefix). Entries unknown until apply take in nothing, unless they are a bucket's ARN or name with a
 * known bucket name (`"${aws_s3_bucket.models.arn}/*"`): the answer is only what can be shown.
 */
export function statementReaches(statement: PolicyStatement, artifact: ModelArtifact, terraform?: TerraformModel): boolean {
  return reachingEntry(statement, artifact, terraform) !== undefined;
}

/** The `Resource` entry that takes the artifact in (the statement itself for a `NotResource` that leaves it in). */
export function reachingEntry(statement: PolicyStatement, artifact: ModelArtifact, terraform?: TerraformModel): Node | undefined {
  const matches = (pattern: string): boolean => artifact.probes.some((probe) => iamWildcard(pattern).test(probe));
  const pattern = (entry: PolicyString): string | undefined => (terraform ? resourcePatternOf(entry, terraform) : entry.state === 'set' ? entry.value : undefined);
  if (statement.notResources.length > 0) {
    const leftIn = statement.notResources.every((entry) => {
      const value = pattern(entry);
      return value !== undefined && !matches(value);
    });
    return leftIn ? statement.node : undefined;
  }
  return statement.resources.find((entry) => {
    const value = pattern(entry);
    return value !== undefined && matches(value);
  })?.node;
}
