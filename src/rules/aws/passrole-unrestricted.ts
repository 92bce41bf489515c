import { documentPermissions, notDenied, serviceActions, withinOf } from '../../model/iam/permissions.js';
import type { StatementPermissions } from '../../model/iam/permissions.js';
import { defineRule } from '../define-rule.js';
import { policiesOfRole, principalsHolding } from '../../model/iam/roles.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { identityPoliciesOf, locationKey } from '../../model/iam/identity-policies.js';

/** `arn:aws:iam::123456789012:role/*`, `arn:aws:iam::*:role/*`: every role of an account. */
const ANY_ROLE = /^arn:(?:aws[a-z-]*|\*):iam::(?:\d{12}|\*):role\/\*$/;

/**
 * Actions that run something as a passed role: with PassRole on any role, that is escalation (the PassRole
 * paths of the IAM privilege-escalation literature, and SageMaker's jobs, notebooks and endpoints).
 */
function escalationActions(statements: readonly StatementPermissions[]): string[] {
  const candidates = ['ec2:RunInstances', 'lambda:CreateFunction', 'cloudformation:CreateStack', 'glue:CreateDevEndpoint', ...serviceActions('sagemaker').filter((action) => /^sagemaker:Create/.test(action.name)).map((action) => action.name)];
  const granted = statements.filter((statement) => statement.grant === 'allow');
  const found = candidates.filter((action) => granted.some((statement) => statement.covers(action) === 'yes'));
  return found.filter((action) => notDenied([{ name: action, service: action.split(':')[0] ?? '', accessLevel: 'Write', wildcardOnly: false }], statements).length > 0);
}

interface HeldEscalation {
  readonly principal: TfResource;
  readonly action: string;
  readonly grantedBy: string;
  readonly at: Node;
}

/** A role, user or group holding this policy that another of its policies lets start something as a passed role (Denies of all its policies counted). */
function heldEscalation(holder: TfResource, terraform: TerraformModel): HeldEscalation | undefined {
  for (const principal of principalsHolding(holder, terraform)) {
    const analysed = policiesOfRole(principal, terraform).flatMap((policy) => (policy.document === 'unknown' ? [] : [{ policy, statements: documentPermissions(policy.document) }]));
    const all = analysed.flatMap((entry) => entry.statements);
    for (const { policy, statements } of analysed) {
      const action = escalationActions(statements).find((candidate) => notDenied([{ name: candidate, service: candidate.split(':')[0] ?? '', accessLevel: 'Write', wildcardOnly: false }], all).length > 0);
      if (action !== undefined) return { principal, action, grantedBy: `through ${(policy.holder ?? policy.via).address}`, at: policy.at };
    }
  }
  return undefined;
}

export const passroleUnrestricted = defineRule({
  meta: {
    id: 'IG-AWS-021',
    name: 'passrole-unrestricted',
    title: '`iam:PassRole` on any role',
    severity: 'high',
    rationale:
      "`iam:PassRole` decides which roles an identity may hand to a service: a SageMaker model, training job or notebook, an EC2 instance, a Lambda function then runs with that role's permissions. Allowed on `*` (or every role of the account) without an `iam:PassedToService` condition, the identity can start a job or endpoint that runs as the strongest role in the account, and read its credentials from there: privilege escalation. Together with `sagemaker:Create*`, `ec2:RunInstances`, `lambda:CreateFunction`, `cloudformation:CreateStack` or `glue:CreateDevEndpoint` — in the same policy, or in another policy of a role, user or group that holds this one — the path is complete, which is critical.",
    remediation:
      'Name the roles that may be passed and the service they may be passed to:\n\n```hcl\ndata "aws_iam_policy_document" "deployer" {\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = [aws_iam_role.scorer.arn]\n    condition {\n      test     = "StringEquals"\n      variable = "iam:PassedToService"\n      values   = ["sagemaker.amazonaws.com"]\n    }\n  }\n}\n```',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html',
      'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0055'], nist: ['AC-6'] },
    targets: ['tf:aws_iam_policy', 'tf:aws_iam_role_policy', 'tf:aws_iam_role', 'tf:aws_iam_user_policy', 'tf:aws_iam_group_policy', 'tf:data.aws_iam_policy_document', 'tf:aws_iam_user', 'tf:aws_iam_group'],
    fix: 'none',
    supersedes: ['IG-AWS-022'],
    messages: {
      anyRole: "Policy of '{{address}}' allows `iam:PassRole` on {{resource}} without an `iam:PassedToService` condition: it can hand any role to a service.",
      escalation: "Policy of '{{address}}' allows `iam:PassRole` on {{resource}} without an `iam:PassedToService` condition, and `{{action}}`: it can start a job that runs as any role.",
      escalationHolder:
        "Policy of '{{address}}' allows `iam:PassRole` on {{resource}} without an `iam:PassedToService` condition, and '{{principal}}', which holds it, may also call `{{action}}` ({{grantedBy}}): it can start a job that runs as any role.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_policy" "deployer" {
  name = "model-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["sagemaker:CreateModel", "sagemaker:CreateEndpoint"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
    ]
  })
}
`,
      good: `resource "aws_iam_policy" "deployer" {
  name = "model-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["sagemaker:CreateModel", "sagemaker:CreateEndpoint"], Resource = "*" },
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "arn:aws:iam::123456789012:role/scorer"
        Condition = { StringEquals = { "iam:PassedToService" = "sagemaker.amazonaws.com" } }
      },
    ]
  })
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
            if (statement.grant !== 'allow' || statement.covers('iam:PassRole') !== 'yes') continue;
            const anyRole = statement.anyResource === 'yes' ? statement.statement.resources.find((entry) => entry.value === '*') : statement.statement.resources.find((entry) => entry.state === 'set' && ANY_ROLE.test(entry.value));
            if (statement.anyResource !== 'yes' && anyRole === undefined) continue;
            if (notDenied([{ name: 'iam:PassRole', service: 'iam', accessLevel: 'Write', wildcardOnly: false }], statements).length === 0) continue;
            const entry = statement.actionEntries.find((candidate) => candidate.entry.state === 'set' && candidate.actions.some((action) => action.name === 'iam:PassRole'));
            const at = entry?.entry.node ?? statement.notActionEntries[0]?.entry.node ?? statement.statement.node;
            const within = withinOf(statement, statements);
            const key = `${locationKey(at)}#${within ?? ''}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const resourceText = anyRole?.value === '*' || anyRole === undefined ? 'every role (`Resource: "*"`)' : `every role of \`${anyRole.value}\``;
            const escalation = escalationActions(statements)[0];
            const held = escalation === undefined ? heldEscalation(resource, context.terraform) : undefined;
            if (escalation !== undefined) context.report({ messageId: 'escalation', at, severity: 'critical', data: { address: resource.address, resource: resourceText, action: escalation }, ...(within ? { within } : {}) });
            else if (held !== undefined)
              context.report({
                messageId: 'escalationHolder',
                at,
                severity: 'critical',
                data: { address: resource.address, resource: resourceText, principal: held.principal.address, action: held.action, grantedBy: held.grantedBy },
                related: [{ at: held.at, message: `\`${held.action}\` granted to '${held.principal.address}' here` }],
                ...(within ? { within } : {}),
              });
            else context.report({ messageId: 'anyRole', at, data: { address: resource.address, resource: resourceText }, ...(within ? { within } : {}) });
          }
        }
      },
    };
  },
});
