import { ADMIN_CLASS_MANAGED_POLICIES, policiesOfRole } from '../../model/iam/roles.js';
import { servingEvidence, servingRoles } from '../../model/aws/serving-roles.js';
import { defineRule } from '../define-rule.js';
import { locationKey } from '../../model/iam/identity-policies.js';

export const servingRoleBroadManagedPolicy = defineRule({
  meta: {
    id: 'IG-AWS-020',
    name: 'serving-role-broad-managed-policy',
    title: 'Serving identity has an admin-class managed policy',
    severity: 'high',
    rationale:
      "A SageMaker model runs as its execution role, and a model server on EKS as the role its ServiceAccount gets (the IRSA annotation `eks.amazonaws.com/role-arn`, an EKS Pod Identity association, or a role whose trust policy accepts that ServiceAccount's token); code in the model container (a pickled model, a compromised inference image, a server CVE) gets the role's credentials. AWS-managed policies such as `AdministratorAccess`, `PowerUserAccess`, `IAMFullAccess`, `AmazonS3FullAccess` and `AmazonSageMakerFullAccess` are written for administrators: attached to a serving role they let that code read and overwrite every model artifact in every bucket, create endpoints and training jobs, or grant itself more. `AdministratorAccess` is critical: the model container is then an administrator of the account.",
    remediation:
      'Detach the managed policy and give the role a customer or inline policy that lists what the model needs on its own resources:\n\n```hcl\nresource "aws_iam_role_policy" "scorer" {\n  role = aws_iam_role.scorer.id\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::models/scorer/*" }]\n  })\n}\n```',
    references: [
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSageMakerFullAccess.html',
      'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment',
    ],
    mappings: { stride: ['E'], nist: ['AC-6'] },
    targets: ['tf:aws_iam_role', 'tf:aws_iam_role_policy_attachment', 'tf:aws_iam_policy_attachment', 'tf:aws_sagemaker_model', 'ServiceAccount', 'tf:aws_eks_pod_identity_association'],
    fix: 'none',
    messages: {
      attached: "Role '{{role}}', {{servedAs}}, has the AWS-managed policy {{policy}}: {{scope}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "scorer" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
`,
      good: `resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "scorer" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const reported = new Set<string>();
        for (const serving of servingRoles(context.terraform, context.model)) {
          for (const policy of policiesOfRole(serving.role, context.terraform)) {
            const admin = policy.kind === 'aws-managed' && policy.managedName !== undefined ? ADMIN_CLASS_MANAGED_POLICIES.get(policy.managedName) : undefined;
            if (!admin || policy.managedName === undefined) continue;
            const key = locationKey(policy.at);
            if (reported.has(key)) continue;
            reported.add(key);
            context.report({
              messageId: 'attached',
              at: policy.at,
              object: policy.via,
              ...(policy.managedName === 'AdministratorAccess' ? { severity: 'critical' as const } : {}),
              data: { role: serving.role.address, servedAs: serving.servedAs, policy: policy.managedName, scope: admin.scope },
              related: [servingEvidence(serving)],
            });
          }
        }
      },
    };
  },
});
