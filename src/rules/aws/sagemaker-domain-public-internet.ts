import { defineRule } from '../define-rule.js';

export const sagemakerDomainPublicInternet = defineRule({
  meta: {
    id: 'IG-AWS-012',
    name: 'sagemaker-domain-public-internet',
    title: 'SageMaker Studio domain with public internet apps',
    severity: 'high',
    rationale:
      "With `app_network_access_type = \"PublicInternetOnly\"` (the default) every Studio app of the domain (JupyterLab, Code Editor, kernels) reaches the internet through SageMaker's own network, not through your VPC. Studio users' execution roles usually read training data and model artifacts and can deploy models: a malicious package or notebook can send them anywhere, and your security groups, NAT egress filtering and flow logs never see that traffic.",
    remediation:
      'Set `app_network_access_type = "VpcOnly"` on the `aws_sagemaker_domain`, with private `subnet_ids`, security groups that limit egress, and VPC endpoints for the SageMaker API, runtime, S3 and the package mirrors users need (`app_security_group_management = "Service"` or your own groups).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-domain.html',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025'], nist: ['SC-7', 'AC-4'] },
    targets: ['tf:aws_sagemaker_domain'],
    fix: 'none',
    messages: {
      notSet: "Studio domain '{{address}}' does not set `app_network_access_type`, which defaults to `PublicInternetOnly`: its apps reach the internet outside your VPC.",
      publicInternet: "Studio domain '{{address}}' sets `app_network_access_type = \"PublicInternetOnly\"`: its apps reach the internet outside your VPC.",
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
  domain_name             = "ml-platform"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  default_user_settings {
    execution_role  = "arn:aws:iam::123456789012:role/studio-user"
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_domain' || resource.mode !== 'managed') return;
        const access = resource.root.get('app_network_access_type');
        if (!access.isWritten()) {
          context.report({ messageId: 'notSet', data: { address: resource.address }, at: access.state === 'set' ? access : resource });
          return;
        }
        if (access.str() === 'PublicInternetOnly') context.report({ messageId: 'publicInternet', data: { address: resource.address }, at: access });
      },
    };
  },
});
