import { defineRule } from '../define-rule.js';

export const sagemakerDomainWithoutCmk = defineRule({
  meta: {
    id: 'IG-AWS-013',
    name: 'sagemaker-domain-without-cmk',
    title: 'Studio domain storage without CMK',
    severity: 'medium',
    rationale:
      "A Studio domain's EFS volume holds every user's home directory: notebooks, datasets, credentials files and model checkpoints. Without `kms_key_id` it is encrypted under an AWS managed key: no key policy of yours limits who can decrypt it and its use is not separately auditable or revocable.",
    remediation: 'Set `kms_key_id = aws_kms_key.<key>.arn` on the `aws_sagemaker_domain` (it forces a new domain: plan the migration of home directories).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-domain.html',
    ],
    mappings: { stride: ['I'], nist: ['SC-28'] },
    targets: ['tf:aws_sagemaker_domain'],
    fix: 'none',
    messages: {
      noKey: "Studio domain '{{address}}' does not set `kms_key_id`: the users' home volume is not under a customer managed key.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_domain" "ml" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  default_user_settings {
    execution_role = "arn:aws:iam::123456789012:role/studio-user"
  }
}
`,
      good: `resource "aws_sagemaker_domain" "ml" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  kms_key_id  = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  default_user_settings {
    execution_role = "arn:aws:iam::123456789012:role/studio-user"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_domain' || resource.mode !== 'managed') return;
        const key = resource.root.get('kms_key_id');
        if (key.isWritten()) return;
        context.report({ messageId: 'noKey', data: { address: resource.address }, at: key.state === 'set' ? key : resource });
      },
    };
  },
});
