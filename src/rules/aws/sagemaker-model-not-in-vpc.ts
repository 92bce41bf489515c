import { defineRule } from '../define-rule.js';

export const sagemakerModelNotInVpc = defineRule({
  meta: {
    id: 'IG-AWS-002',
    name: 'sagemaker-model-not-in-vpc',
    title: 'SageMaker model not attached to a VPC',
    severity: 'medium',
    rationale:
      "A SageMaker model without `vpc_config` runs its inference containers in SageMaker's own network: what the container sends to S3, ECR or anywhere else leaves through AWS-managed networking, where no security group, VPC endpoint policy or flow log of yours applies. Code that runs in the container (a pickled model, a compromised image) can then reach any bucket or host it has credentials or a route for, and you cannot see or limit it. Attached to private subnets, the model's traffic goes through your security groups and through S3 / ECR VPC endpoints whose policies can pin it to your own buckets and repositories.",
    remediation:
      'Add `vpc_config { subnets = [<private subnet ids>] security_group_ids = [<egress-restricted group>] }` to the `aws_sagemaker_model`, and give those subnets S3 (gateway) and ECR / CloudWatch Logs (interface) VPC endpoints with endpoint policies limited to the model bucket and repository. Combine with `enable_network_isolation = true` (IG-AWS-001) when the container needs no network at all.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025'], nist: ['SC-7'] },
    targets: ['tf:aws_sagemaker_model'],
    fix: 'none',
    messages: {
      noVpcConfig: "SageMaker model '{{address}}' has no `vpc_config`: its containers run outside your VPC, beyond your security groups and endpoint policies.",
      noSubnets: "SageMaker model '{{address}}' has a `vpc_config` with no subnets: its containers are not attached to your VPC.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_model" "scorer" {
  name               = "fraud-scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:${'0'.repeat(64)}"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}
`,
      good: `resource "aws_sagemaker_model" "scorer" {
  name               = "fraud-scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:${'0'.repeat(64)}"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
  vpc_config {
    subnets            = ["subnet-0a1b2c3d4e5f60718"]
    security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_model' || resource.mode !== 'managed') return;
        const blocks = resource.root.get('vpc_config');
        // A `dynamic "vpc_config"` over a collection the scan cannot resolve: no evidence either way.
        if (blocks.state === 'unknown') return;
        const [block] = blocks.items();
        if (block === undefined) {
          context.report({ messageId: 'noVpcConfig', data: { address: resource.address }, at: resource });
          return;
        }
        const subnets = block.get('subnets');
        if (subnets.state !== 'set' || !Array.isArray(subnets.value) || subnets.value.length > 0) return;
        context.report({ messageId: 'noSubnets', data: { address: resource.address }, at: subnets });
      },
    };
  },
});
