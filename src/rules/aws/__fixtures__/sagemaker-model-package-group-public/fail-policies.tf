data "aws_iam_policy_document" "share" {
  statement {
    sid       = "ShareWithEveryone"
    actions   = ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"]
    resources = ["${aws_sagemaker_model_package_group.scorers.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_sagemaker_model_package_group_policy" "document" {
  model_package_group_name = aws_sagemaker_model_package_group.scorers.model_package_group_name
  resource_policy          = jsonencode(jsondecode(data.aws_iam_policy_document.share.json))
}

resource "aws_sagemaker_model_package_group_policy" "encoded" {
  model_package_group_name = "rankers"
  resource_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ReadForPartner"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::210987654321:root" }
        Action    = ["sagemaker:DescribeModelPackage"]
        Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/rankers/*"
      },
      {
        Sid       = "RegisterFromAnywhere"
        Effect    = "Allow"
        Principal = { AWS = ["*"] }
        Action    = ["sagemaker:CreateModelPackage", "sagemaker:UpdateModelPackage"]
        Resource  = "arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/rankers"
      },
    ]
  })
}

resource "aws_sagemaker_model_package_group_policy" "heredoc" {
  model_package_group_name = "embedders"
  resource_policy          = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": "*",
        "Action": "sagemaker:DescribeModelPackage",
        "Resource": "arn:aws:sagemaker:eu-west-1:123456789012:model-package/embedders/*"
      }]
    }
  EOT
}
