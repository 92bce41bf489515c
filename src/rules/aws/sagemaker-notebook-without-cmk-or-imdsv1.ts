import { defineRule } from '../define-rule.js';

export const sagemakerNotebookWithoutCmkOrImdsv1 = defineRule({
  meta: {
    id: 'IG-AWS-011',
    name: 'sagemaker-notebook-without-cmk-or-imdsv1',
    title: 'Notebook volume without CMK or allowing IMDSv1',
    severity: 'medium',
    rationale:
      "A notebook instance's storage volume holds datasets, notebooks and model copies; without `kms_key_id` it is encrypted only under an AWS managed key, with no key policy or separate audit trail of yours. And unless `instance_metadata_service_configuration.minimum_instance_metadata_service_version` is `\"2\"`, the instance answers IMDSv1 (SageMaker's default when it is not set): any server-side request forgery in a notebook, extension or app on it returns the execution role's credentials with one plain GET.",
    remediation:
      'Set `kms_key_id = aws_kms_key.<key>.arn` and `instance_metadata_service_configuration { minimum_instance_metadata_service_version = "2" }` on the `aws_sagemaker_notebook_instance`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance',
      'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InstanceMetadataServiceConfiguration.html',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0055'], nist: ['SC-28', 'AC-3'] },
    targets: ['tf:aws_sagemaker_notebook_instance'],
    fix: 'none',
    messages: {
      noKey: "Notebook instance '{{address}}' does not set `kms_key_id`: its storage volume is not under a customer managed key.",
      imdsV1: "Notebook instance '{{address}}' allows IMDSv1 (`minimum_instance_metadata_service_version` is not \"2\"): an SSRF on it yields the execution role's credentials.",
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
  kms_key_id    = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_notebook_instance' || resource.mode !== 'managed') return;
        const key = resource.root.get('kms_key_id');
        if (!key.isWritten()) context.report({ messageId: 'noKey', data: { address: resource.address }, at: key.state === 'set' ? key : resource });

        const blocks = resource.root.get('instance_metadata_service_configuration');
        if (blocks.state === 'unknown') return;
        const [block] = blocks.items();
        // No block, or a block without the version: CreateNotebookInstance defaults to IMDSv1.
        const version = block === undefined ? undefined : block.get('minimum_instance_metadata_service_version');
        if (version !== undefined && version.state === 'unknown') return;
        const value = version?.value;
        if (value === '2' || value === 2) return;
        context.report({ messageId: 'imdsV1', data: { address: resource.address }, at: version !== undefined && version.isWritten() ? version : (block ?? resource) });
      },
    };
  },
});
