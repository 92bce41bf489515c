import { conditionKeyEndsWith, mayAssume, oidcIssuerOf } from '../../model/aws/trust-policies.js';
import { policiesOf } from '../../model/iam/policy-sources.js';
import type { PolicyStatement } from '../../model/iam/policy.js';
import type { TerraformModel } from '../../model/terraform.js';
import { resolverOf } from '../../model/iam/roles.js';
import { defineRule } from '../define-rule.js';
import type { RelatedHop } from '../define-rule.js';
import { servingEvidence, servingRoles } from '../../model/aws/serving-roles.js';

export const irsaRoleTrustUnbound = defineRule({
  meta: {
    id: 'IG-AWS-018',
    name: 'irsa-role-trust-unbound',
    title: 'IRSA role trust not bound to one ServiceAccount',
    severity: 'high',
    rationale:
      'An IAM role for service accounts (IRSA) trusts the EKS cluster\'s OIDC provider: any pod presenting a token of that cluster whose claims pass the trust policy conditions gets the role. Without a `<issuer>:sub` condition, or with `StringLike` and a wildcard in the namespace or ServiceAccount name, any pod that can run with a matching ServiceAccount (a compromised model server next door, a notebook, a job anyone may create) assumes the model\'s role and reads or replaces its artifacts. Without `<issuer>:aud = sts.amazonaws.com`, tokens minted for other audiences are accepted too.',
    remediation:
      'Pin the trust to the one ServiceAccount with exact matches: `StringEquals` on `<issuer>:sub = "system:serviceaccount:<namespace>:<serviceaccount>"` and on `<issuer>:aud = "sts.amazonaws.com"`, where `<issuer>` is the cluster\'s OIDC issuer URL without `https://`. Or use an EKS Pod Identity association for that ServiceAccount.',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts-technical-overview.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html',
    ],
    mappings: { stride: ['S', 'E'], atlas: ['AML.T0012'], nist: ['AC-6', 'IA-9'] },
    targets: ['tf:aws_iam_role', 'ServiceAccount'],
    fix: 'none',
    messages: {
      noSub: "Role '{{address}}'{{servedAs}} trusts the EKS OIDC provider without a `:sub` condition: a pod with any ServiceAccount of the cluster can assume it.",
      wildcardSub: "Role '{{address}}'{{servedAs}} trusts the EKS OIDC provider for `{{value}}` ({{operator}}): every ServiceAccount matching the wildcard can assume it.",
      noAud: "Role '{{address}}'{{servedAs}} trusts the EKS OIDC provider without an `:aud` condition (`sts.amazonaws.com`): tokens issued for other audiences are accepted.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "scorer" {
  name = "scorer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" }
      Condition = {
        StringLike = {
          "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub" = "system:serviceaccount:serving:*"
          "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`,
      good: `resource "aws_iam_role" "scorer" {
  name = "scorer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub" = "system:serviceaccount:serving:scorer"
          "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`,
    },
  },
  create(context) {
    const resolve = resolverOf(context.terraform);
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_iam_role' || resource.mode !== 'managed') return;
        // A model's role says so, with the link as evidence (the trust-policy link is this finding itself).
        const serving = servingRoles(context.terraform, context.model).find((candidate) => candidate.role === resource && candidate.link !== 'irsa-trust');
        const subject: Subject = { address: resource.address, servedAs: serving ? `, ${serving.servedAs},` : '', related: serving ? [servingEvidence(serving)] : [] };
        for (const source of policiesOf(resource, resolve)) {
          if (source.attribute !== 'assume_role_policy' || source.document === 'unknown') continue;
          for (const statement of source.document.statements) checkStatement(statement, subject, context.terraform, context.report.bind(context));
        }
      },
    };
  },
});

type Reporter = Parameters<typeof irsaRoleTrustUnbound.create>[0]['report'];

interface Subject {
  readonly address: string;
  readonly servedAs: string;
  readonly related: readonly RelatedHop[];
}

function checkStatement(statement: PolicyStatement, subject: Subject, terraform: TerraformModel, report: Reporter): void {
  const { address, servedAs, related } = subject;
  if (statement.effect !== 'Allow' || !mayAssume(statement, /^(?:\*|sts:\*|sts:assumerolewithwebidentity)$/i)) return;
  const principal = statement.principals.find((candidate) => oidcIssuerOf(candidate, terraform) === 'eks');
  if (principal === undefined) return;
  // A condition whose operator or key is not known could be the binding: nothing can be said.
  if (statement.conditions.some((condition) => condition.operator.state !== 'set' || conditionKeyEndsWith(condition.key, 'sub') === 'unknown')) return;
  const subs = statement.conditions.filter((condition) => conditionKeyEndsWith(condition.key, 'sub') === true);
  if (subs.length === 0) report({ messageId: 'noSub', data: { address, servedAs }, at: principal.node, related });
  for (const condition of subs) {
    const operator = condition.operator.value ?? '';
    if (!/stringlike/i.test(operator)) continue;
    const wild = condition.values.find((value) => value.state === 'set' && wildcardServiceAccount(value.value));
    if (wild?.state === 'set') report({ messageId: 'wildcardSub', data: { address, servedAs, value: wild.value, operator }, at: wild.node, related });
  }
  if (subs.length > 0 && !statement.conditions.some((condition) => conditionKeyEndsWith(condition.key, 'aud') === true)) report({ messageId: 'noAud', data: { address, servedAs }, at: principal.node, related });
}

/** `system:serviceaccount:<ns>:<sa>` with `*` or `?` in the namespace or the name (or not that shape at all). */
function wildcardServiceAccount(value: string): boolean {
  if (!/[*?]/.test(value)) return false;
  const match = /^system:serviceaccount:([^:]*):([^:]*)$/.exec(value);
  return match === null || /[*?]/.test(match[1] ?? '') || /[*?]/.test(match[2] ?? '');
}
