import { defineRule } from '../define-rule.js';

export const eksSecretsUnencrypted = defineRule({
  meta: {
    id: 'IG-AWS-025',
    name: 'eks-secrets-unencrypted',
    title: 'EKS secrets not envelope-encrypted with a customer-managed key',
    severity: 'medium',
    rationale:
      'The Secrets of a serving cluster hold model hub tokens, registry pull credentials and bucket keys. Without an `encryption_config` for `secrets`, no key of yours protects them in etcd: clusters below Kubernetes 1.28 have only disk encryption, and from 1.28 EKS envelope-encrypts API data with an AWS-owned key whose policy, use and revocation you neither control nor see in CloudTrail. A KMS key of your own makes every read of the data key auditable and lets you cut access off.',
    remediation:
      'Add envelope encryption with a customer-managed KMS key: `encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }` (it can be added to an existing cluster; it cannot be removed).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config-1',
      'https://docs.aws.amazon.com/eks/latest/APIReference/API_EncryptionConfig.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
    ],
    mappings: { stride: ['I'], nist: ['SC-28'] },
    targets: ['tf:aws_eks_cluster'],
    fix: 'none',
    messages: {
      noEncryptionConfig: "EKS cluster '{{address}}' has no `encryption_config`: its Secrets are not envelope-encrypted with a KMS key of yours.",
      noSecrets: "EKS cluster '{{address}}' has an `encryption_config` whose `resources` do not include \"secrets\": its Secrets are not envelope-encrypted with a KMS key of yours.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_eks_cluster" "serving" {
  name     = "model-serving"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
`,
      good: `resource "aws_eks_cluster" "serving" {
  name     = "model-serving"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_eks_cluster' || resource.mode !== 'managed') return;
        const config = resource.root.get('encryption_config');
        if (config.state === 'unknown') return;
        const blocks = config.items();
        if (blocks.length === 0) {
          context.report({ messageId: 'noEncryptionConfig', data: { address: resource.address }, at: resource });
          return;
        }
        for (const block of blocks) {
          const resources = block.get('resources');
          if (resources.state !== 'set') return;
          // An element from an unresolved variable may be "secrets".
          if (resources.items().some((item) => item.str() === undefined || item.str() === 'secrets')) return;
        }
        context.report({ messageId: 'noSecrets', data: { address: resource.address }, at: blocks[0]?.get('resources') ?? resource });
      },
    };
  },
});
