import type { RolePolicy } from '../../model/iam/roles.js';
import { documentPermissions, notDenied, serviceActions, withinOf } from '../../model/iam/permissions.js';
import type { StatementPermissions } from '../../model/iam/permissions.js';
import { policiesOfRole } from '../../model/iam/roles.js';
import { servingEvidence, servingRoles } from '../../model/aws/serving-roles.js';
import type { ServingRole } from '../../model/aws/serving-roles.js';
import { modelArtifacts, statementReaches } from '../../model/aws/model-artifacts.js';
import type { ModelArtifact } from '../../model/aws/model-artifacts.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { locationKey } from '../../model/iam/identity-policies.js';

/**
 * What the statement lets the role do to model artifacts of the scan: overwrite the model it serves
 * (poisoning), or read and replace other models' (theft, broken tenant isolation).
 */
function artifactReach(statement: StatementPermissions, serving: ServingRole, artifacts: readonly ModelArtifact[], terraform: TerraformModel): { text: string; related: { at: Node; message: string }[] } {
  if (statement.covers('s3:PutObject') !== 'yes') return { text: '', related: [] };
  const reached = artifacts.filter((artifact) => statementReaches(statement.statement, artifact, terraform));
  const own = reached.filter((artifact) => serving.serves.has(artifact.owner));
  const others = [...new Map(reached.filter((artifact) => !serving.serves.has(artifact.owner)).map((artifact) => [artifact.owner, artifact])).values()];
  const parts: string[] = [];
  if (own[0]) parts.push(`overwriting the model it serves (${own[0].uri})`);
  if (others.length > 0) {
    const named = others.slice(0, 2).map((artifact) => artifact.label).join(', ') + (others.length > 2 ? ` and ${others.length - 2} more` : '');
    parts.push(`reading and replacing the artifacts of ${others.length === 1 ? 'another model' : `${others.length} other models`} (${named})`);
  }
  if (parts.length === 0) return { text: '', related: [] };
  const related = [...own.slice(0, 1), ...others.slice(0, 2)].map((artifact) => ({ at: artifact.at, message: `${artifact.label} loads ${artifact.uri}` }));
  return { text: `; with its resources, that includes ${parts.join(' and ')}`, related };
}

export const servingRoleWildcardAction = defineRule({
  meta: {
    id: 'IG-AWS-019',
    name: 'serving-role-wildcard-action',
    title: 'Serving identity allowed `*` or `service:*` actions',
    severity: 'high',
    rationale:
      'A SageMaker model runs as its execution role, and a model server on EKS as the role its ServiceAccount gets (the IRSA annotation `eks.amazonaws.com/role-arn`, an EKS Pod Identity association, or a role whose trust policy accepts that ServiceAccount\'s token): code in the model container (a pickled model, a compromised inference image, a server CVE) gets the role\'s credentials from the container\'s credential endpoint. A policy that allows `*` or every action of a service (`s3:*`, `sagemaker:*`, `iam:*`) lets that code overwrite or delete other models\' artifacts, create endpoints and jobs of its own, or change permissions, far beyond reading its own model. Wildcards also grant every action AWS adds to the service later. Actions are read from AWS\'s own action catalogue, so patterns that match a whole service (`s3:*Object*` does not, `S3:**` does) and `NotAction` statements count; a statement with a condition, or one a `Deny` of the same role cancels, does not fire. When the statement can write to S3, the finding names the model artifacts of the scan its resources take in: the model the role serves (a poisoned model loads on the next start) and other models\' (theft, broken tenant isolation).',
    remediation:
      'List the actions the model needs on the resources it needs: usually `s3:GetObject` on its own model prefix, `ecr:BatchGetImage` / `ecr:GetDownloadUrlForLayer` on its image repository with `ecr:GetAuthorizationToken`, and `logs:CreateLogStream` / `logs:PutLogEvents` on its log group:\n\n```hcl\ndata "aws_iam_policy_document" "serving" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::models/scorer/*"]\n  }\n}\n```',
    references: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0055'], nist: ['AC-6'] },
    targets: ['tf:aws_iam_role', 'tf:aws_iam_policy', 'tf:aws_iam_role_policy', 'tf:data.aws_iam_policy_document', 'tf:aws_sagemaker_model', 'ServiceAccount', 'tf:aws_eks_pod_identity_association'],
    fix: 'none',
    supersedes: ['IG-AWS-021', 'IG-AWS-022'],
    messages: {
      wildcard: "Role '{{role}}', {{servedAs}}, is allowed `{{pattern}}`: {{scope}}{{reach}}.",
      notAction: "Role '{{role}}', {{servedAs}}, is allowed every action except `{{pattern}}`: that includes every action of {{services}}{{reach}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "scorer" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "arn:aws:s3:::models/*" }]
  })
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

resource "aws_iam_role_policy" "scorer" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::models/scorer/*" }]
  })
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
        const doneRoles = new Set<TfResource>();
        const artifacts = modelArtifacts(context.terraform, context.model);
        for (const serving of servingRoles(context.terraform, context.model)) {
          if (doneRoles.has(serving.role)) continue;
          doneRoles.add(serving.role);
          const policies = policiesOfRole(serving.role, context.terraform).filter((policy): policy is RolePolicy & { document: Exclude<RolePolicy['document'], 'unknown'> } => policy.document !== 'unknown');
          const analysed = policies.map((policy) => ({ policy, statements: documentPermissions(policy.document) }));
          const all: StatementPermissions[] = analysed.flatMap((entry) => entry.statements);
          const report = (messageId: 'wildcard' | 'notAction', at: Node, policy: RolePolicy, data: Record<string, string>, statement: StatementPermissions, within: string | undefined): void => {
            const key = `${locationKey(at)}#${within ?? ''}`;
            if (reported.has(key)) return;
            reported.add(key);
            const reach = artifactReach(statement, serving, artifacts, context.terraform);
            context.report({
              messageId,
              at,
              object: policy.holder ?? policy.via,
              data: { role: serving.role.address, servedAs: serving.servedAs, ...data, reach: reach.text },
              related: [servingEvidence(serving), ...reach.related],
              ...(within ? { within } : {}),
            });
          };
          for (const { policy, statements } of analysed) {
            for (const statement of statements) {
              const within = withinOf(statement, statements);
              if (statement.grant !== 'allow') continue;
              for (const entry of statement.actionEntries) {
                if (!entry.wildcard || entry.entry.state !== 'set') continue;
                if (notDenied(entry.actions, all).length === 0) continue;
                const scope = entry.wildcard.kind === 'all' ? 'every action of every AWS service' : `every ${entry.wildcard.service} action, ${entry.actions.length} today and any AWS adds`;
                report('wildcard', entry.entry.node, policy, { pattern: entry.entry.value, scope }, statement, within);
              }
              const first = statement.notActionEntries[0];
              if (statement.actionEntries.length === 0 && first !== undefined) {
                const granted = notDenied(statement.actions(), all);
                const perService = new Map<string, number>();
                for (const action of granted) perService.set(action.service, (perService.get(action.service) ?? 0) + 1);
                const whole = [...perService].filter(([service, count]) => count === serviceActions(service).length).map(([service]) => service);
                if (whole.length === 0) continue;
                const shown = whole.slice(0, 3).join(', ') + (whole.length > 3 ? ` and ${whole.length - 3} other services` : '');
                report('notAction', first.entry.node, policy, { pattern: statement.statement.notActions.map((entry) => entry.value ?? '?').join('`, `'), services: shown }, statement, within);
              }
            }
          }
        }
      },
    };
  },
});
