import { bucketParts, describeModelBucketUse, modelBucketEvidence, modelBuckets } from '../../model/aws/model-buckets.js';
import type { TerraformModel } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

export const modelBucketAccessLoggingOff = defineRule({
  meta: {
    id: 'IG-AWS-028',
    name: 'model-bucket-access-logging-off',
    title: 'Model artifact bucket without access logging',
    severity: 'low',
    rationale:
      'Without server access logs (or CloudTrail data events) nothing records who downloaded the model weights or captured prompts from the bucket, or who overwrote a model before the endpoint loaded it: model theft and poisoning leave no trace to investigate.',
    remediation:
      'Attach `aws_s3_bucket_logging` with a `target_bucket` (a separate, private log bucket), or log S3 data events for the bucket with an `aws_cloudtrail` `event_selector` / `advanced_event_selector` on `AWS::S3::Object`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    ],
    mappings: { stride: ['R'], nist: ['AU-2'] },
    targets: ['tf:aws_s3_bucket', 'tf:aws_s3_bucket_logging'],
    fix: 'none',
    messages: {
      noLogging: "Bucket '{{address}}' holds {{use}} and has no access logging: nothing records who read or overwrote its objects.",
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

resource "aws_s3_bucket_logging" "models" {
  bucket        = aws_s3_bucket.models.id
  target_bucket = "acme-access-logs"
  target_prefix = "models/"
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
        // A trail logging S3 object events is an audit record too; which buckets it covers is not worked out.
        if (logsS3DataEvents(terraform)) return;
        for (const entry of modelBuckets(terraform, context.model)) {
          const { bucket } = entry;
          if (bucketParts(terraform, bucket, 'aws_s3_bucket_logging').length > 0) continue;
          if (bucket.root.get('logging').isWritten() && (bucket.root.get('logging').state === 'unknown' || bucket.root.get('logging').items().length > 0)) continue;
          const use = describeModelBucketUse(entry);
          context.report({ messageId: 'noLogging', data: { address: bucket.address, use }, at: bucket, object: bucket, related: modelBucketEvidence(entry) });
        }
      },
    };
  },
});

function logsS3DataEvents(terraform: TerraformModel): boolean {
  for (const trail of terraform.byType('tf:aws_cloudtrail')) {
    for (const selector of trail.root.get('event_selector').items()) {
      for (const resource of selector.get('data_resource').items()) {
        const type = resource.get('type');
        if (type.state === 'unknown' || type.str() === 'AWS::S3::Object') return true;
      }
    }
    for (const selector of trail.root.get('advanced_event_selector').items()) {
      for (const field of selector.get('field_selector').items()) {
        if (field.get('field').str() !== 'resources.type') continue;
        const equals = field.get('equals');
        if (equals.state === 'unknown' || equals.items().some((item) => item.state === 'unknown' || item.str() === 'AWS::S3::Object')) return true;
      }
    }
    if (trail.root.get('event_selector').state === 'unknown' || trail.root.get('advanced_event_selector').state === 'unknown') return true;
  }
  return false;
}
