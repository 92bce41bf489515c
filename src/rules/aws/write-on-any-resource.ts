import { documentPermissions, notDenied, withinOf } from '../../model/iam/permissions.js';
import { defineRule } from '../define-rule.js';
import { identityPoliciesOf, locationKey } from '../../model/iam/identity-policies.js';

export const writeOnAnyResource = defineRule({
  meta: {
    id: 'IG-AWS-022',
    name: 'write-on-any-resource',
    title: 'Write or permissions-management actions on `Resource: "*"`',
    severity: 'medium',
    rationale:
      'An identity policy that allows Write or Permissions-management actions (as AWS\'s action catalogue classifies them) on `Resource: "*"` lets whoever holds it change every resource of those services in the account: overwrite or delete any model artifact in any bucket, replace the model or image behind any endpoint, rewrite bucket and key policies. For an identity that serves or deploys models, a leaked credential or a compromised container then tampers with every model, not one. Statements with a condition, and actions a `Deny` of the same policy takes back, do not count.',
    remediation:
      'Scope the statement to the resources the identity changes (the model prefix, the endpoint, the log group); keep `Resource: "*"` only for actions that support no resource type:\n\n```hcl\ndata "aws_iam_policy_document" "writer" {\n  statement {\n    actions   = ["s3:PutObject"]\n    resources = ["arn:aws:s3:::models/scorer/*"]\n  }\n}\n```',
    references: [
      'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    ],
    mappings: { stride: ['E', 'T'], nist: ['AC-6'] },
    targets: ['tf:aws_iam_policy', 'tf:aws_iam_role_policy', 'tf:aws_iam_role', 'tf:aws_iam_user_policy', 'tf:aws_iam_group_policy', 'tf:data.aws_iam_policy_document'],
    fix: 'none',
    messages: {
      write: "Policy of '{{address}}' allows {{count}} Write / Permissions-management actions on every resource (`Resource: \"*\"`), such as `{{example}}`.",
      notResource: "Policy of '{{address}}' allows {{count}} Write / Permissions-management actions on every resource but those of `NotResource`, such as `{{example}}`.",
    },
    examples: {
      language: 'hcl',
      bad: `data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "writer" {
  name   = "model-writer"
  policy = data.aws_iam_policy_document.writer.json
}
`,
      good: `data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["arn:aws:s3:::models/scorer/*"]
  }
}

resource "aws_iam_policy" "writer" {
  name   = "model-writer"
  policy = data.aws_iam_policy_document.writer.json
}
`,
    },
  },
  create(context) {
    const reported = new Set<string>();
    return {
      resource(resource) {
        for (const document of identityPoliciesOf(resource, context.terraform)) {
          const statements = documentPermissions(document);
          for (const statement of statements) {
            if (statement.grant !== 'allow' || statement.anyResource !== 'yes') continue;
            const writes = notDenied(
              // Actions that support no resource type can only be granted on `*`: not a scoping mistake.
              statement.actions().filter((action) => !action.wildcardOnly && (action.accessLevel === 'Write' || action.accessLevel === 'Permissions management')),
              statements,
            );
            const example = writes.find((action) => action.accessLevel === 'Permissions management') ?? writes[0];
            if (example === undefined) continue;
            const written = new Set(writes.map((action) => action.name));
            const entry = statement.actionEntries.find((candidate) => candidate.actions.some((action) => written.has(action.name)));
            const at = entry?.entry.node ?? statement.notActionEntries[0]?.entry.node ?? statement.statement.node;
            const within = withinOf(statement, statements);
            const key = `${locationKey(at)}#${within ?? ''}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const viaNotResource = !statement.statement.resources.some((item) => item.value === '*');
            context.report({ messageId: viaNotResource ? 'notResource' : 'write', at, data: { address: resource.address, count: writes.length, example: example.name }, ...(within ? { within } : {}) });
          }
        }
      },
    };
  },
});
