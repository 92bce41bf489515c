import { parseImage } from '../../model/ml/images.js';
import { defineRule } from '../define-rule.js';

export const sagemakerImageNotPinned = defineRule({
  meta: {
    id: 'IG-AWS-008',
    name: 'sagemaker-image-not-pinned',
    title: 'SageMaker inference image not pinned to a digest',
    severity: 'medium',
    rationale:
      "SageMaker pulls the inference image again whenever it starts an instance: on creation, on every scale-out and on every host replacement. An image named by tag gets whatever the tag points to at that moment; anyone who can push to the repository (or an upstream publisher re-using a tag, as the AWS Deep Learning Containers do for patch releases) changes the code that handles production traffic and holds the execution role, without any change in Terraform. A digest (`@sha256:…`) names exactly one image.",
    remediation:
      'Reference the image by digest: `image = "<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<digest>"` (or `"${aws_ecr_repository.x.repository_url}@${data.aws_ecr_image.x.image_digest}"`). Keep the repository in your own account with `image_tag_mutability = "IMMUTABLE"` and scan on push; copy AWS Deep Learning Container images into it rather than pulling them by tag.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010.004'], owasp: ['LLM03'], nist: ['SR-4', 'CM-2'] },
    targets: ['tf:aws_sagemaker_model'],
    fix: 'none',
    messages: {
      notPinned: "SageMaker model '{{address}}' runs image '{{image}}' ({{container}}) without a digest: a push to its tag changes the code serving production.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_model" "scorer" {
  name               = "fraud-scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:latest"
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
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_model' || resource.mode !== 'managed') return;
        const containers = [
          ...resource.root.get('primary_container').items().map((node) => ({ node, label: 'primary container' })),
          ...resource.root.get('container').items().map((node, index) => ({ node, label: `container #${index + 1}` })),
        ];
        for (const { node, label } of containers) {
          const image = node.get('image');
          const text = image.str()?.trim();
          // Unknown (a data source's registry_path, a variable) or absent (a model package): nothing to judge.
          if (text === undefined || text === '') continue;
          if (/^sha256:[0-9a-f]{64}$/i.test(parseImage(text).digest ?? '')) continue;
          context.report({ messageId: 'notPinned', data: { address: resource.address, image: text, container: label }, at: image });
        }
      },
    };
  },
});
