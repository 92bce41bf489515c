import { conditionKeyEndsWith, mayAssume, oidcIssuerOf } from '../../model/aws/trust-policies.js';
import { policiesOf } from '../../model/iam/policy-sources.js';
import { resolverOf } from '../../model/iam/roles.js';
import { defineRule } from '../define-rule.js';

/** Condition keys that do not narrow who the caller is: with only these, `*` is still anyone. */
const NON_RESTRICTING_KEYS = new Set(['aws:securetransport', 'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:currenttime', 'aws:epochtime', 'aws:useragent', 'aws:requestedregion', 'aws:tokenissuetime', 'aws:viaawsservice']);

export const roleTrustTooBroad = defineRule({
  meta: {
    id: 'IG-AWS-023',
    name: 'role-trust-too-broad',
    title: 'Role assumable by anyone',
    severity: 'critical',
    rationale:
      'A trust policy that allows `Principal: "*"` (or `{"AWS": "*"}`) without a condition on the caller\'s account, organisation or ARN lets any AWS account in the world assume the role; a GitHub Actions OIDC trust without a `:sub` condition lets any workflow of any repository on GitHub do so. Whatever the role can do to model artifacts, endpoints and data, an outsider can do.',
    remediation:
      'Name the principals that may assume the role (account or role ARNs, a service), or restrict `*` with `aws:PrincipalOrgID` / `aws:PrincipalAccount` / `aws:PrincipalArn` conditions; for GitHub Actions pin `token.actions.githubusercontent.com:sub` to `repo:<org>/<repo>:ref:refs/heads/<branch>` (or an environment) and `:aud` to `sts.amazonaws.com`.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    ],
    mappings: { stride: ['S', 'E'], nist: ['AC-3'] },
    targets: ['tf:aws_iam_role'],
    fix: 'none',
    messages: {
      anyPrincipal: "Role '{{address}}' trusts {{principal}} without a condition on the caller: any AWS account can assume it.",
      githubNoSub: "Role '{{address}}' trusts GitHub Actions OIDC tokens without a `:sub` condition: a workflow of any GitHub repository can assume it.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "model_publisher" {
  name = "model-publisher"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
    }]
  })
}
`,
      good: `resource "aws_iam_role" "model_publisher" {
  name = "model-publisher"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::123456789012:role/ci-deployer" }
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
        const address = resource.address;
        for (const source of policiesOf(resource, resolve)) {
          if (source.attribute !== 'assume_role_policy' || source.document === 'unknown') continue;
          for (const statement of source.document.statements) {
            if (statement.effect !== 'Allow' || !mayAssume(statement)) continue;
            // Any condition that is unknown, or on a key that may narrow the caller, is given the benefit of the doubt.
            const unrestricted = statement.conditions.every((condition) => condition.key.state === 'set' && condition.operator.state === 'set' && NON_RESTRICTING_KEYS.has(condition.key.value.toLowerCase()));
            const star = statement.principals.find((principal) => principal.state === 'set' && principal.value === '*' && (principal.type === '*' || principal.type === 'AWS'));
            if (star !== undefined && unrestricted) {
              context.report({ messageId: 'anyPrincipal', data: { address, principal: star.type === '*' ? 'Principal "*"' : 'Principal {"AWS": "*"}' }, at: star.node });
              continue;
            }
            const github = statement.principals.find((principal) => oidcIssuerOf(principal, context.terraform) === 'github');
            if (github === undefined) continue;
            const subs = statement.conditions.map((condition) => (condition.operator.state === 'set' ? conditionKeyEndsWith(condition.key, 'sub') : 'unknown'));
            if (subs.every((sub) => sub === false)) context.report({ messageId: 'githubNoSub', data: { address }, at: github.node });
          }
        }
      },
    };
  },
});
