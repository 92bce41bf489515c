variable "org_id" {
  type = string
}

resource "aws_iam_role" "org" {
  name = "model-publisher"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

# Condition decided by the caller: unknown, nothing fires.
data "aws_iam_policy_document" "unknown" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }
}

resource "aws_iam_role" "unknown" {
  name               = "unknown"
  assume_role_policy = data.aws_iam_policy_document.unknown.json
}

resource "aws_iam_role" "named" {
  name = "ci"
  assume_role_policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:role/ci-deployer" } },
      { Effect = "Deny", Action = "sts:AssumeRole", Principal = "*" },
    ]
  })
}

data "aws_iam_policy_document" "github" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/models:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "github" {
  name               = "model-release"
  assume_role_policy = data.aws_iam_policy_document.github.json
}
