import { defineRule } from '../define-rule.js';

export const sagemakerEndpointSsmAccess = defineRule({
  meta: {
    id: 'IG-AWS-006',
    name: 'sagemaker-endpoint-ssm-access',
    title: 'SSM shell access enabled on inference instances',
    severity: 'high',
    rationale:
      'With `enable_ssm_access = true` anyone allowed to start an SSM session on the endpoint gets an interactive shell in the inference container: the loaded model weights, the requests being served, the environment (tokens included) and the execution role\'s credentials are all in reach, and the session can alter the model in memory. SageMaker keeps it off by default; a production variant (or a shadow variant, which receives a copy of live traffic) with it on turns an IAM permission into host access.',
    remediation:
      'Remove `enable_ssm_access` (or set it to `false`) on every `production_variants` and `shadow_production_variants` block. Debug with CloudWatch logs and metrics, or with a separate, non-production endpoint configuration.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration',
      'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sagemaker/aws.sdk.kotlin.services.sagemaker.model/-production-variant',
    ],
    mappings: { stride: ['E', 'I'], atlas: ['AML.T0044', 'AML.T0035'], nist: ['AC-17', 'AC-6'] },
    targets: ['tf:aws_sagemaker_endpoint_configuration'],
    fix: 'none',
    messages: {
      enabled: "Endpoint configuration '{{address}}' enables SSM access on {{variant}}: an SSM session opens a shell next to the model and its traffic.",
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
    enable_ssm_access      = true
  }
}
`,
      good: `resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "fraud-scorer"
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
        for (const block of ['production_variants', 'shadow_production_variants'] as const) {
          resource.root.get(block).items().forEach((variant, index) => {
            const ssm = variant.get('enable_ssm_access');
            if (!ssm.isTrue()) return;
            const name = variant.get('variant_name').str();
            const label = block === 'production_variants' ? 'production variant' : 'shadow variant';
            context.report({ messageId: 'enabled', data: { address: resource.address, variant: name === undefined ? `${label} #${index + 1}` : `${label} '${name}'` }, at: ssm });
          });
        }
      },
    };
  },
});
