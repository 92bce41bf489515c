import type { PolicyDocument, PolicyStatement } from '../../model/iam/policy.js';
import { policiesOf } from '../../model/iam/policy-sources.js';
import { resolverOf } from '../../model/iam/roles.js';
import { defineRule } from '../define-rule.js';

/**
 * Condition keys that narrow *who* may use the statement. A statement carrying one (or a key the
 * scan cannot read) may well be limited to an organisation or account: it is not reported.
 */
const PRINCIPAL_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourcearn', 'aws:userid', 'aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip']);

function restrictsPrincipal(statement: PolicyStatement): boolean {
  return statement.conditions.some((condition) => condition.key.state !== 'set' || PRINCIPAL_KEYS.has(condition.key.value.toLowerCase()));
}

/** `"Principal": "*"` or `{"AWS": "*"}`: anyone, in any account, signed in or not. */
function everyonePrincipal(statement: PolicyStatement) {
  return statement.principals.find((principal) => principal.state === 'set' && principal.value === '*' && (principal.type === '*' || principal.type === 'AWS'));
}

/** Only a document read in full can prove a statement survives: no Deny or unknown parts that could take it back. */
function readInFull(document: PolicyDocument): boolean {
  return document.incomplete.length === 0 && document.statements.every((statement) => statement.effect === 'Allow');
}

export const sagemakerModelPackageGroupPublic = defineRule({
  meta: {
    id: 'IG-AWS-014',
    name: 'sagemaker-model-package-group-public',
    title: 'Model registry group shared with everyone',
    severity: 'high',
    rationale:
      "A model package group's resource policy decides which other accounts may use the registered models. A statement that allows `Principal: \"*\"` (or `{\"AWS\": \"*\"}`) with no condition on the caller's organisation or account opens the group to every AWS account in the world: depending on the actions, anyone can list and describe the model packages (and so locate and copy their artifacts), or register and approve packages of their own that your pipelines then deploy.",
    remediation:
      'Name the consumer accounts or roles in `principals` (`arn:aws:iam::<account>:root` or a role ARN), or keep `*` only with a `StringEquals` condition on `aws:PrincipalOrgID` (or `aws:PrincipalAccount`). Grant read actions (`sagemaker:DescribeModelPackage`, `sagemaker:ListModelPackages`) unless the other account must register packages.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model_package_group_policy',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0035', 'AML.T0010.003'], owasp: ['ML05'], nist: ['AC-3'] },
    targets: ['tf:aws_sagemaker_model_package_group_policy'],
    fix: 'none',
    messages: {
      publicPrincipal: "Model package group policy '{{address}}' allows any AWS account (`Principal` `*`) with no organisation or account condition: anyone can use the registered models.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_model_package_group_policy" "scorers" {
  model_package_group_name = "fraud-scorers"
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ShareModels"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]
      Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud-scorers/*"
    }]
  })
}
`,
      good: `resource "aws_sagemaker_model_package_group_policy" "scorers" {
  model_package_group_name = "fraud-scorers"
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ShareModels"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::210987654321:root" }
      Action    = ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]
      Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud-scorers/*"
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
        if (resource.type !== 'tf:aws_sagemaker_model_package_group_policy' || resource.mode !== 'managed') return;
        for (const source of policiesOf(resource, resolve)) {
          if (source.document === 'unknown' || !readInFull(source.document)) continue;
          for (const statement of source.document.statements) {
            const everyone = everyonePrincipal(statement);
            if (everyone === undefined || restrictsPrincipal(statement)) continue;
            context.report({ messageId: 'publicPrincipal', data: { address: resource.address }, at: everyone.node });
          }
        }
      },
    };
  },
});
