import assert from 'node:assert/strict';
import test from 'node:test';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { policiesOf } from '../iam/policy-sources.js';
import type { PolicyStatement } from '../iam/policy.js';
import { conditionKeyEndsWith, mayAssume, oidcIssuerOf } from './trust-policies.js';

const config = `
variable "key" { type = string }
variable "provider_arn" { type = string }
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config { subnet_ids = ["a", "b"] }
}
resource "aws_iam_openid_connect_provider" "eks" {
  url            = aws_eks_cluster.c.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "\${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:serving:scorer"]
    }
    condition {
      test     = "StringEquals"
      variable = var.key
      values   = ["sts.amazonaws.com"]
    }
  }
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn, var.provider_arn, "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC", "cognito-identity.amazonaws.com"]
    }
  }
  statement {
    actions = ["s3:GetObject"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`;

function statements(): { statements: readonly PolicyStatement[]; terraform: ReturnType<typeof evaluateSources>['model'] } {
  const { model: terraform } = evaluateSources({ 'main.tf': config });
  const role = terraform.byAddress('aws_iam_role.r');
  assert.ok(role);
  const [source] = policiesOf(role, (reference) => terraform.instancesOf(reference.address)[0]);
  assert.ok(source && source.document !== 'unknown');
  return { statements: source.document.statements, terraform };
}

test('oidcIssuerOf: EKS through the provider url reference or a literal ARN, GitHub, unknown, other', () => {
  const { statements: [first, second], terraform } = statements();
  assert.deepEqual(first?.principals.map((principal) => oidcIssuerOf(principal, terraform)), ['eks']);
  assert.deepEqual(second?.principals.map((principal) => oidcIssuerOf(principal, terraform)), ['github', 'unknown', 'eks', 'other']);
});

test('conditionKeyEndsWith reads the literal end of a template key; a variable key is unknown', () => {
  const { statements: [first] } = statements();
  const [sub, fromVariable] = first?.conditions ?? [];
  assert.ok(sub && fromVariable);
  assert.equal(conditionKeyEndsWith(sub.key, 'sub'), true);
  assert.equal(conditionKeyEndsWith(sub.key, 'aud'), false);
  assert.equal(conditionKeyEndsWith(fromVariable.key, 'aud'), 'unknown');
});

test('mayAssume: assume actions, wildcards; not other actions', () => {
  const { statements: [first, , third] } = statements();
  assert.ok(first && third);
  assert.equal(mayAssume(first), true);
  assert.equal(mayAssume(third), false);
});
