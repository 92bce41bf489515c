# The model bucket and the two serving roles (IRSA), each reading its own model's prefix only.
resource "aws_kms_key" "models" {
  description         = "model artifacts"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "models" {
  bucket = aws_s3_bucket.models.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.models.arn
    }
  }
}

resource "aws_s3_bucket_logging" "models" {
  bucket        = aws_s3_bucket.models.id
  target_bucket = "acme-access-logs"
  target_prefix = "acme-models/"
}

locals {
  oidc = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

data "aws_iam_policy_document" "trust" {
  for_each = toset(["fraud", "ranker"])
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/${local.oidc}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc}:sub"
      values   = ["system:serviceaccount:models:${each.key}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "fraud" {
  name               = "fraud-serving"
  assume_role_policy = data.aws_iam_policy_document.trust["fraud"].json
}

resource "aws_iam_role_policy" "fraud" {
  name = "read-model"
  role = aws_iam_role.fraud.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "${aws_s3_bucket.models.arn}/fraud/*"
    }]
  })
}

resource "aws_iam_role" "ranker" {
  name               = "ranker-serving"
  assume_role_policy = data.aws_iam_policy_document.trust["ranker"].json
}

resource "aws_iam_role_policy" "ranker" {
  name = "read-model"
  role = aws_iam_role.ranker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::acme-models/ranker/*"
    }]
  })
}
