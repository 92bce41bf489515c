import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { bucketParts } from './model-buckets.js';

const KMS = new Set(['aws:kms', 'aws:kms:dsse']);

/**
 * What a bucket's default encryption does to an object written without encryption headers:
 * - `customer-key`: SSE-KMS with `kms_master_key_id` (or an algorithm not known before apply);
 * - `unknown`: the configuration itself is not known before apply;
 * - `none`: no configuration, so S3-managed keys (SSE-S3, the default since January 2023);
 * - `s3-managed`: an algorithm other than SSE-KMS (`AES256`);
 * - `aws-managed-key`: SSE-KMS without a key, so the account's `aws/s3` key.
 */
export type BucketEncryption =
  | { readonly kind: 'customer-key' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'none' }
  | { readonly kind: 's3-managed' | 'aws-managed-key'; readonly algorithm: Node };

/**
 * The default encryption of `bucket`: the rules of its `aws_s3_bucket_server_side_encryption_configuration`
 * resources (provider v4+) and of its inline `server_side_encryption_configuration` block (v3). A block that
 * is unknown until apply (a `dynamic` over an unknown value) makes the whole answer unknown.
 */
export function bucketEncryption(terraform: TerraformModel, bucket: TfResource): BucketEncryption {
  const inline = bucket.root.get('server_side_encryption_configuration');
  if (inline.state === 'unknown') return { kind: 'unknown' };
  const blocks = [...bucketParts(terraform, bucket, 'aws_s3_bucket_server_side_encryption_configuration').map((part) => part.root), ...inline.items()];
  const defaults: Node[] = [];
  for (const block of blocks) {
    const rules = block.get('rule');
    if (rules.state === 'unknown') return { kind: 'unknown' };
    for (const rule of rules.items()) {
      const byDefault = rule.get('apply_server_side_encryption_by_default');
      if (byDefault.state === 'unknown') return { kind: 'unknown' };
      defaults.push(...byDefault.items());
    }
  }
  if (defaults.some((node) => node.state === 'unknown')) return { kind: 'unknown' };
  const first = defaults[0];
  if (first === undefined) return { kind: 'none' };
  if (defaults.some(customerKeyOrUnknown)) return { kind: 'customer-key' };
  const algorithm = first.get('sse_algorithm');
  return { kind: KMS.has(algorithm.str() ?? '') ? 'aws-managed-key' : 's3-managed', algorithm };
}

/** A default-encryption block with SSE-KMS and a key of yours, or with a value not known before apply. */
function customerKeyOrUnknown(node: Node): boolean {
  const algorithm = node.get('sse_algorithm');
  if (algorithm.state === 'unknown') return true;
  if (!KMS.has(algorithm.str() ?? '')) return false;
  return node.get('kms_master_key_id').isWritten();
}
