# The execution role of a SageMaker model: what the inference container runs as. It reads its own
# model, writes captured requests under one prefix, pulls its own image and writes its own logs.

variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "model_bucket" {
  description = "Name of the bucket the model artifacts are read from."
  type        = string
}

variable "model_prefix" {
  description = "Key prefix of this model's artifacts."
  type        = string
}

variable "capture_prefix" {
  description = "Key prefix data capture writes to."
  type        = string
}

variable "image_repository" {
  type = string
}

locals {
  bucket_arn = "arn:aws:s3:::${var.model_bucket}"
  ec2_arn    = "arn:aws:ec2:${var.region}:${var.account_id}"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-sagemaker-execution"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "serving" {
  statement {
    sid       = "ReadOwnModel"
    actions   = ["s3:GetObject"]
    resources = ["${local.bucket_arn}/${var.model_prefix}/*"]
  }

  statement {
    sid       = "WriteDataCapture"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/${var.capture_prefix}/*"]
  }

  statement {
    sid       = "PullOwnImage"
    actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
    resources = ["arn:aws:ecr:${var.region}:${var.account_id}:repository/${var.image_repository}"]
  }

  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:/aws/sagemaker/Endpoints/${var.name}:*"]
  }

  statement {
    sid       = "EndpointMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringLike"
      variable = "cloudwatch:namespace"
      values   = ["/aws/sagemaker/Endpoints*"]
    }
  }

  # VPC mode: SageMaker attaches the instances' network interfaces to the private subnets.
  statement {
    sid       = "VpcDescribe"
    actions   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"]
    resources = ["*"]
  }

  statement {
    sid     = "VpcNetworkInterfaces"
    actions = ["ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"]
    resources = [
      "${local.ec2_arn}:network-interface/*",
      "${local.ec2_arn}:subnet/*",
      "${local.ec2_arn}:security-group/*",
    ]
  }
}

resource "aws_iam_role_policy" "serving" {
  name   = "model-serving"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.serving.json
}

output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}
