import { defineRule } from '../define-rule.js';

export const sagemakerModelNotIsolated = defineRule({
  meta: {
    id: 'IG-AWS-001',
    name: 'sagemaker-model-not-isolated',
    title: 'SageMaker model without network isolation',
    severity: 'high',
    rationale:
      'Without network isolation the model container of a SageMaker endpoint can open connections of its own: code that runs in it (a pickled model, a compromised inference image, a server CVE) can send the weights and the requests it serves anywhere, or fetch a second stage. With `enable_network_isolation = true` SageMaker gives the container no outbound network at all; model artifacts and images are staged from S3 and ECR by SageMaker itself before the container starts.',
    remediation:
      'Set `enable_network_isolation = true` on the `aws_sagemaker_model`, and stage everything the container needs (model artifacts in S3, the image in ECR) beforehand. A container that must call other services belongs in a VPC (`vpc_config`) with endpoint policies instead.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model#enable_network_isolation-1',
      'https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0025', 'AML.T0010.003'], nist: ['SC-7', 'AC-4'] },
    targets: ['tf:aws_sagemaker_model'],
    fix: 'none',
    messages: {
      notSet: "SageMaker model '{{address}}' does not set `enable_network_isolation`, which defaults to false: its container can reach the network.",
      disabled: "SageMaker model '{{address}}' sets `enable_network_isolation = false`: its container can reach the network.",
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
  name                     = "fraud-scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:${'0'.repeat(64)}"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_model' || resource.mode !== 'managed') return;
        const isolation = resource.root.get('enable_network_isolation');
        // A value from a variable the scan cannot resolve, or known only at apply, is no evidence.
        if (isolation.isWritten() && !isolation.isFalse()) return;
        context.report({ messageId: isolation.isFalse() ? 'disabled' : 'notSet', data: { address: resource.address }, at: isolation.isFalse() ? isolation : resource });
      },
    };
  },
});
