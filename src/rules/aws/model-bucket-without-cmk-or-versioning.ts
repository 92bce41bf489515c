import { bucketEncryption } from '../../model/aws/bucket-encryption.js';
import { bucketParts, describeModelBucketUse, modelBucketEvidence, modelBuckets } from '../../model/aws/model-buckets.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

export const modelBucketWithoutCmkOrVersioning = defineRule({
  meta: {
    id: 'IG-AWS-017',
    name: 'model-bucket-without-cmk-or-versioning',
    title: 'Model artifact bucket without CMK encryption or versioning',
    severity: 'medium',
    rationale:
      'Model weights and captured inference data in the bucket are encrypted only under a key AWS owns (SSE-S3, the default since January 2023) or the account-wide `aws/s3` key: anyone with `s3:GetObject` reads them, and no key policy of yours can narrow that or revoke it. Without versioning, an overwritten `model.tar.gz` (a poisoned model, a ransomware-style delete) cannot be rolled back or even noticed from the object history; the next endpoint instance just loads it. A bucket created with Object Lock counts as versioned: S3 turns versioning on for it and it cannot be suspended.',
    remediation:
      'Encrypt with a customer-managed key: `aws_s3_bucket_server_side_encryption_configuration` with `sse_algorithm = "aws:kms"` and `kms_master_key_id = aws_kms_key.models.arn` (optionally `bucket_key_enabled = true`), and turn versioning on: `aws_s3_bucket_versioning` with `status = "Enabled"`. Object Lock on released-model prefixes adds tamper-proof retention.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    ],
    mappings: { stride: ['T', 'I'], atlas: ['AML.T0018', 'AML.T0035'], nist: ['SC-28', 'CP-9', 'SI-7'] },
    targets: ['tf:aws_s3_bucket', 'tf:aws_s3_bucket_server_side_encryption_configuration', 'tf:aws_s3_bucket_versioning'],
    fix: 'none',
    messages: {
      noEncryptionConfig: "Bucket '{{address}}' holds {{use}} and has no server-side encryption configuration: objects are encrypted with S3-managed keys (SSE-S3), not a KMS key of yours.",
      notKms: "Bucket '{{address}}' holds {{use}} and encrypts with `{{algorithm}}`: S3-managed keys, not a KMS key of yours.",
      awsManagedKey: "Bucket '{{address}}' holds {{use}} and encrypts with `{{algorithm}}` without `kms_master_key_id`: the AWS-managed `aws/s3` key, not a key whose policy you control.",
      noVersioning: "Bucket '{{address}}' holds {{use}} and has no versioning: an overwritten or deleted object cannot be rolled back.",
      versioningOff: "Bucket '{{address}}' holds {{use}} and its versioning is `{{status}}`: an overwritten or deleted object cannot be rolled back.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
`,
      good: `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "models" {
  bucket = aws_s3_bucket.models.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const terraform = context.terraform;
        for (const entry of modelBuckets(terraform, context.model)) {
          const { bucket } = entry;
          const use = describeModelBucketUse(entry);
          const base = { address: bucket.address, use };

          const encryption = bucketEncryption(terraform, bucket);
          if (encryption.kind === 'none') context.report({ messageId: 'noEncryptionConfig', data: base, at: bucket, object: bucket, related: modelBucketEvidence(entry) });
          else if (encryption.kind === 's3-managed' || encryption.kind === 'aws-managed-key') {
            const { algorithm } = encryption;
            context.report({ messageId: encryption.kind === 'aws-managed-key' ? 'awsManagedKey' : 'notKms', data: { ...base, algorithm: algorithm.str() ?? '' }, at: algorithm, object: bucket, related: modelBucketEvidence(entry) });
          }

          // A bucket created with Object Lock has versioning on, and it cannot be suspended (S3 User Guide, Object Lock).
          if (objectLockMayBeOn(bucket.root)) continue;
          // Versioning: aws_s3_bucket_versioning, or the inline `versioning { enabled }` of provider v3.
          const statuses = bucketParts(terraform, bucket, 'aws_s3_bucket_versioning').map((part) => part.root.get('versioning_configuration', 0, 'status'));
          const inline = bucket.root.get('versioning');
          if (inline.state === 'unknown' || statuses.some((status) => status.state === 'unknown' || status.str() === 'Enabled')) continue;
          const enabled = inline.items().map((block) => block.get('enabled'));
          if (enabled.some((node) => node.isTrue() || node.state === 'unknown')) continue;
          const off = statuses.find((status) => status.str() !== undefined) ?? enabled.find((node) => node.isFalse());
          if (off === undefined) context.report({ messageId: 'noVersioning', data: base, at: bucket, object: bucket, related: modelBucketEvidence(entry) });
          else context.report({ messageId: 'versioningOff', data: { ...base, status: off.isFalse() ? 'enabled = false' : (off.str() ?? '') }, at: off, object: bucket, related: modelBucketEvidence(entry) });
        }
      },
    };
  },
});

/** `object_lock_enabled = true` (provider v4+) or `object_lock_configuration { object_lock_enabled = "Enabled" }` (v3), or unknown. */
function objectLockMayBeOn(bucket: Node): boolean {
  const flag = bucket.get('object_lock_enabled');
  if (flag.isTrue() || flag.state === 'unknown') return true;
  const legacy = bucket.get('object_lock_configuration');
  if (legacy.state === 'unknown') return true;
  return legacy.items().some((block) => block.get('object_lock_enabled').str() === 'Enabled' || block.get('object_lock_enabled').state === 'unknown');
}
