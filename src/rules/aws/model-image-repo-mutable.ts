import { modelImageRepositories } from '../../model/aws/model-image-repos.js';
import { defineRule } from '../define-rule.js';

export const modelImageRepoMutable = defineRule({
  meta: {
    id: 'IG-AWS-027',
    name: 'model-image-repo-mutable',
    title: 'Model-server image repository allows tag overwrite or does not scan on push',
    severity: 'medium',
    rationale:
      'A model server runs whatever image its tag points at when a pod or endpoint instance starts. In a repository with mutable tags anyone who can push (a CI token, a compromised build) replaces the image behind `scorer:1.4` with one that exfiltrates the weights and the requests, or returns poisoned predictions, and the next scale-out runs it without any change to the deployment. Without scan on push, known-vulnerable model servers and libraries reach production unnoticed. ECR tags are mutable unless `image_tag_mutability` says otherwise. The rule looks at the ECR repositories that a SageMaker model or a Kubernetes model-server container of the scan takes its image from (by reference to the repository or by its ECR URI); other repositories are not judged.',
    remediation:
      'Make tags immutable and scan every push: `image_tag_mutability = "IMMUTABLE"` and `image_scanning_configuration { scan_on_push = true }` on the `aws_ecr_repository` (or registry-wide scanning with `aws_ecr_registry_scanning_configuration`), and deploy model servers by digest.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository',
      'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html',
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010'], nist: ['SI-7', 'RA-5'] },
    targets: ['tf:aws_ecr_repository'],
    fix: 'none',
    messages: {
      mutableDefault: "ECR repository '{{address}}' holds the image of {{user}} and does not set `image_tag_mutability`, which defaults to MUTABLE: a push can replace the model server behind a tag.",
      mutable: "ECR repository '{{address}}' holds the image of {{user}} and sets `image_tag_mutability = \"{{value}}\"`: a push can replace the model server behind a tag.",
      noScanOnPush: "ECR repository '{{address}}' holds the image of {{user}} and does not scan images on push.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_ecr_repository" "scorer" {
  name = "scorer"
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image = "\${aws_ecr_repository.scorer.repository_url}:1.4.0"
  }
}
`,
      good: `resource "aws_ecr_repository" "scorer" {
  name                 = "scorer"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image = "\${aws_ecr_repository.scorer.repository_url}:1.4.0"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        // Registry-wide scanning rules replace the repository's own scan_on_push setting.
        const registryScanning = context.terraform.byType('tf:aws_ecr_registry_scanning_configuration').length > 0;
        for (const { repository, uses } of modelImageRepositories(context.terraform, context.model)) {
          const user = uses[0]?.description ?? 'a model server';
          const data = { address: repository.address, user: uses.length > 1 ? `${user} and ${uses.length - 1} more` : user };
          const mutability = repository.root.get('image_tag_mutability');
          if (!mutability.isWritten()) context.report({ messageId: 'mutableDefault', data, at: repository, object: repository });
          else {
            const value = mutability.str();
            // MUTABLE and MUTABLE_WITH_EXCLUSION; IMMUTABLE_WITH_EXCLUSION keeps named tags mutable on purpose.
            if (value !== undefined && value.startsWith('MUTABLE')) context.report({ messageId: 'mutable', data: { ...data, value }, at: mutability, object: repository });
          }
          if (registryScanning) continue;
          const scanning = repository.root.get('image_scanning_configuration');
          if (scanning.state === 'unknown') continue;
          const blocks = scanning.items();
          const onPush = blocks[0]?.get('scan_on_push');
          if (onPush === undefined) context.report({ messageId: 'noScanOnPush', data, at: repository, object: repository });
          else if (onPush.isFalse()) context.report({ messageId: 'noScanOnPush', data, at: onPush, object: repository });
          else if (!onPush.isWritten()) context.report({ messageId: 'noScanOnPush', data, at: blocks[0] ?? repository, object: repository });
        }
      },
    };
  },
});
