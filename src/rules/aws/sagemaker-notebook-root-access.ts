import { defineRule } from '../define-rule.js';

export const sagemakerNotebookRootAccess = defineRule({
  meta: {
    id: 'IG-AWS-010',
    name: 'sagemaker-notebook-root-access',
    title: 'Notebook instance grants root',
    severity: 'medium',
    rationale:
      "With root access (the default, `Enabled`) every user of a notebook instance is root on it: they can change the lifecycle configuration's effects, install anything, read every file on the instance and bypass whatever controls the environment was meant to enforce, and so act with the full execution role, including the model buckets and endpoints it reaches.",
    remediation: 'Set `root_access = "Disabled"`; install what users need through a lifecycle configuration (it still runs as root).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance',
      'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sagemaker/aws.sdk.kotlin.services.sagemaker.model/-update-notebook-instance-request/root-access.html',
    ],
    mappings: { stride: ['E'], nist: ['AC-6'] },
    targets: ['tf:aws_sagemaker_notebook_instance'],
    fix: 'none',
    messages: {
      notSet: "Notebook instance '{{address}}' does not set `root_access`, which defaults to `Enabled`: every user is root on it.",
      enabled: "Notebook instance '{{address}}' sets `root_access = \"Enabled\"`: every user is root on it.",
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
  name          = "research"
  role_arn      = "arn:aws:iam::123456789012:role/research"
  instance_type = "ml.t3.medium"
  root_access   = "Disabled"
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_notebook_instance' || resource.mode !== 'managed') return;
        const root = resource.root.get('root_access');
        if (!root.isWritten()) {
          context.report({ messageId: 'notSet', data: { address: resource.address }, at: root.state === 'set' ? root : resource });
          return;
        }
        if (root.str() === 'Enabled') context.report({ messageId: 'enabled', data: { address: resource.address }, at: root });
      },
    };
  },
});
