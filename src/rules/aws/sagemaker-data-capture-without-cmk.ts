import { defineRule } from '../define-rule.js';

export const sagemakerDataCaptureWithoutCmk = defineRule({
  meta: {
    id: 'IG-AWS-004',
    name: 'sagemaker-data-capture-without-cmk',
    title: 'Captured inference data not encrypted with a CMK',
    severity: 'high',
    rationale:
      "Data capture writes the raw requests and responses of an endpoint to S3: prompts, documents, personal data and the model's answers, the most sensitive data a serving stack holds. Without `data_capture_config.kms_key_id` the objects are encrypted only with the bucket's default, often an S3 managed key that anyone who can read the bucket also decrypts. A customer managed key adds a second, separately audited permission between a leaked bucket policy or role and the captured traffic.",
    remediation:
      'Set `kms_key_id = aws_kms_key.<key>.arn` in `data_capture_config`, grant the endpoint\'s execution role `kms:GenerateDataKey` / `kms:Encrypt` on it, and keep the `destination_s3_uri` bucket private with a short lifecycle expiry.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0057', 'AML.T0036'], owasp: ['LLM02'], nist: ['SC-28', 'AU-9'] },
    targets: ['tf:aws_sagemaker_endpoint_configuration'],
    fix: 'none',
    messages: {
      noKey: "Endpoint configuration '{{address}}' captures requests and responses to S3 without `data_capture_config.kms_key_id`: the captured inference data is not under a customer managed key.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://inference-capture/chat"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
`,
      good: `resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://inference-capture/chat"
    kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    capture_options {
      capture_mode = "InputAndOutput"
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
        for (const capture of resource.root.get('data_capture_config').items()) {
          // `enable_capture` defaults to false: only a capture that is known to be on counts.
          if (!capture.get('enable_capture').isTrue()) continue;
          const key = capture.get('kms_key_id');
          if (key.isWritten()) continue;
          // Absent: the engine points at the data_capture_config block.
          context.report({ messageId: 'noKey', data: { address: resource.address }, at: key });
        }
      },
    };
  },
});
