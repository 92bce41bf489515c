import { defineRule } from '../define-rule.js';

export const sagemakerNotebookDirectInternet = defineRule({
  meta: {
    id: 'IG-AWS-009',
    name: 'sagemaker-notebook-direct-internet',
    title: 'Notebook instance with direct internet access',
    severity: 'high',
    rationale:
      "A SageMaker notebook instance runs with an execution role that usually reaches model buckets, the model registry and endpoints. With direct internet access (the default, `Enabled`) the instance has a route to the internet outside your VPC: a malicious package, notebook or extension can send data and model weights anywhere and fetch whatever it likes, and nothing of yours (security group, NAT, proxy, flow log) sees it.",
    remediation:
      'Set `direct_internet_access = "Disabled"` with `subnet_id` and `security_groups` in a private subnet; give it VPC endpoints for SageMaker, S3 and the package mirror it needs, or a NAT gateway with egress filtering.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance',
    ],
    mappings: { stride: ['I', 'E'], atlas: ['AML.T0025'], nist: ['SC-7'] },
    targets: ['tf:aws_sagemaker_notebook_instance'],
    fix: 'none',
    messages: {
      notSet: "Notebook instance '{{address}}' does not set `direct_internet_access`, which defaults to `Enabled`: it reaches the internet outside your VPC.",
      enabled: "Notebook instance '{{address}}' sets `direct_internet_access = \"Enabled\"`: it reaches the internet outside your VPC.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = "arn:aws:iam::123456789012:role/research"
  instance_type = "ml.t3.medium"
}
`,
      good: `resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = "arn:aws:iam::123456789012:role/research"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_groups        = ["sg-0a1b2c3d4e5f60718"]
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_notebook_instance' || resource.mode !== 'managed') return;
        const access = resource.root.get('direct_internet_access');
        // null (a variable defaulting to null) leaves the provider's default, `Enabled`.
        if (!access.isWritten()) {
          context.report({ messageId: 'notSet', data: { address: resource.address }, at: access.state === 'set' ? access : resource });
          return;
        }
        if (access.str() === 'Enabled') context.report({ messageId: 'enabled', data: { address: resource.address }, at: access });
      },
    };
  },
});
