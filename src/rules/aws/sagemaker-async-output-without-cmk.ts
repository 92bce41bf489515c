import { defineRule } from '../define-rule.js';

export const sagemakerAsyncOutputWithoutCmk = defineRule({
  meta: {
    id: 'IG-AWS-005',
    name: 'sagemaker-async-output-without-cmk',
    title: 'Async inference output not encrypted with a CMK',
    severity: 'medium',
    rationale:
      "An asynchronous endpoint writes every inference response (and every failure, with its payload context) to `s3_output_path` / `s3_failure_path`, where it stays until something deletes it. Without `output_config.kms_key_id` those objects are encrypted only with the bucket's default key, so whoever can read the bucket reads every answer the model gave. A customer managed key puts a separately audited permission between the bucket and the responses.",
    remediation:
      'Set `kms_key_id = aws_kms_key.<key>.arn` in `async_inference_config.output_config`, grant the endpoint\'s execution role use of the key, and keep the output bucket private with a lifecycle expiry.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0036'], nist: ['SC-28'] },
    targets: ['tf:aws_sagemaker_endpoint_configuration'],
    fix: 'none',
    messages: {
      noKey: "Endpoint configuration '{{address}}' writes async inference results to S3 without `output_config.kms_key_id`: the responses are not under a customer managed key.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_endpoint_configuration" "batch_summaries" {
  name = "batch-summaries"
  production_variants {
    model_name             = "summarizer"
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://inference-results/summaries/"
    }
  }
}
`,
      good: `resource "aws_sagemaker_endpoint_configuration" "batch_summaries" {
  name = "batch-summaries"
  production_variants {
    model_name             = "summarizer"
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://inference-results/summaries/"
      kms_key_id     = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_endpoint_configuration' || resource.mode !== 'managed') return;
        for (const config of resource.root.get('async_inference_config').items()) {
          for (const output of config.get('output_config').items()) {
            const key = output.get('kms_key_id');
            if (key.isWritten()) continue;
            context.report({ messageId: 'noKey', data: { address: resource.address }, at: key });
          }
        }
      },
    };
  },
});
