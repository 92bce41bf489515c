import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/**
 * ML instance families whose storage volume is EBS. Families with local NVMe instance storage
 * (`g4dn`, `g5`, `g6`, `p4d`, `p5`, `m5d`, `c5d`, `r5d`, `trn1`, …) encrypt it in hardware and
 * CreateEndpointConfig rejects a `KmsKeyId` for them; a family not listed here is not judged.
 */
const EBS_ONLY_FAMILIES = new Set(['t2', 't3', 'm4', 'm5', 'm6i', 'm7i', 'c4', 'c5', 'c6i', 'c7i', 'r5', 'r6i', 'r7i', 'p2', 'p3', 'inf1', 'inf2']);

/** `ml.m5.xlarge` → `m5`; undefined for anything else. */
function familyOf(instanceType: string): string | undefined {
  return /^ml\.([a-z0-9-]+)\.[a-z0-9]+$/.exec(instanceType.trim())?.[1];
}

/** Every variant runs on a known EBS-backed instance type: a key could be set and is not. */
function allVariantsTakeAKey(root: Node): boolean {
  const variants: Node[] = [];
  for (const block of ['production_variants', 'shadow_production_variants']) {
    const list = root.get(block);
    if (list.state === 'unknown') return false;
    variants.push(...list.items());
  }
  if (variants.length === 0) return false;
  return variants.every((variant) => {
    // Serverless variants and unresolved instance types: not judged.
    const type = variant.get('instance_type').str();
    const family = type === undefined ? undefined : familyOf(type);
    return family !== undefined && EBS_ONLY_FAMILIES.has(family);
  });
}

export const sagemakerEndpointStorageWithoutCmk = defineRule({
  meta: {
    id: 'IG-AWS-003',
    name: 'sagemaker-endpoint-storage-without-cmk',
    title: 'Endpoint storage volume not encrypted with a CMK',
    severity: 'medium',
    rationale:
      "The ML storage volume of each endpoint instance holds a copy of the model artifacts and whatever the container writes as scratch. Without `kms_key_arn` SageMaker encrypts it with an AWS managed key: anyone with access to the account's snapshots or volumes through SageMaker can read it, and you cannot revoke or audit use of that key separately. A customer managed key puts the weights at rest under a key policy you control, and every decrypt in CloudTrail.\n\nThe rule only fires when every variant runs on an EBS-backed instance family: instance types with local NVMe storage (`ml.g5`, `ml.g4dn`, `ml.p4d`, …) are encrypted in hardware and SageMaker rejects a key for them.",
    remediation:
      'Set `kms_key_arn = aws_kms_key.<key>.arn` on the `aws_sagemaker_endpoint_configuration`, with a key policy that lets the endpoint\'s execution role use it (`kms:CreateGrant`, `kms:Decrypt`, `kms:GenerateDataKey*`).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration',
      'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sagemaker/aws.sdk.kotlin.services.sagemaker.model/-create-endpoint-config-request/kms-key-id.html',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0035'], nist: ['SC-28', 'SC-12'] },
    targets: ['tf:aws_sagemaker_endpoint_configuration'],
    fix: 'none',
    messages: {
      noKey: "Endpoint configuration '{{address}}' does not set `kms_key_arn`: the storage volume holding the model copy is encrypted only with an AWS managed key.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "fraud-scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-scorer"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }
}
`,
      good: `resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name        = "fraud-scorer"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  production_variants {
    variant_name           = "primary"
    model_name             = "fraud-scorer"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_endpoint_configuration' || resource.mode !== 'managed') return;
        const key = resource.root.get('kms_key_arn');
        if (key.isWritten() || !allVariantsTakeAKey(resource.root)) return;
        // Written as null (a variable defaulting to null) is the same as not written: point at it.
        context.report({ messageId: 'noKey', data: { address: resource.address }, at: key.state === 'set' ? key : resource });
      },
    };
  },
});
