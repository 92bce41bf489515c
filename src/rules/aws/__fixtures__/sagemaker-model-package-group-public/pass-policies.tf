variable "policy" {
  type = string
}

variable "org_id" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "account" {
  statement {
    actions   = ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]
    resources = ["${aws_sagemaker_model_package_group.scorers.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sagemaker_model_package_group_policy" "named_account" {
  model_package_group_name = aws_sagemaker_model_package_group.scorers.model_package_group_name
  resource_policy          = jsonencode(jsondecode(data.aws_iam_policy_document.account.json))
}

# Everyone, but only inside the organisation.
resource "aws_sagemaker_model_package_group_policy" "org_only" {
  model_package_group_name = "rankers"
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sagemaker:DescribeModelPackage"]
      Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/rankers/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
    }]
  })
}

# A policy the scan cannot read.
resource "aws_sagemaker_model_package_group_policy" "caller" {
  model_package_group_name = "embedders"
  resource_policy          = var.policy
}

# An explicit Deny could take the grant back: not proved.
resource "aws_sagemaker_model_package_group_policy" "with_deny" {
  model_package_group_name = "summarizers"
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sagemaker:DescribeModelPackage"
        Resource  = "*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sagemaker:*"
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
    ]
  })
}
