locals {
  name           = "${var.model_name}-${var.environment}"
  bucket_name    = "acme-${local.name}-models"
  model_prefix   = "${var.model_name}/${var.model_version}"
  capture_prefix = "data-capture/${var.model_name}"
  image          = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com/${var.image_repository}@${var.image_digest}"
  tags = {
    team        = "ml-platform"
    environment = var.environment
    model       = var.model_name
  }
}

# --- Customer-managed key: model artifacts, endpoint volumes, captured requests ---------------------

data "aws_iam_policy_document" "models_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  statement {
    sid       = "ServingRoleUse"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [module.serving_role.arn]
    }
  }
}

resource "aws_kms_key" "models" {
  description             = "${local.name}: model artifacts, endpoint storage and data capture"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.models_key.json
}

resource "aws_kms_alias" "models" {
  name          = "alias/${local.name}-models"
  target_key_id = aws_kms_key.models.key_id
}

# --- Model artifacts -----------------------------------------------------------------------------

resource "aws_s3_bucket" "models" {
  bucket = local.bucket_name
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "models" {
  bucket = aws_s3_bucket.models.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "models" {
  bucket = aws_s3_bucket.models.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.models.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "models" {
  bucket        = aws_s3_bucket.models.id
  target_bucket = var.access_log_bucket
  target_prefix = "${local.bucket_name}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "models" {
  bucket = aws_s3_bucket.models.id
  rule {
    id     = "expire-captured-requests"
    status = "Enabled"
    filter {
      prefix = "${local.capture_prefix}/"
    }
    expiration {
      days = 30
    }
  }
}

resource "aws_s3_bucket_policy" "models" {
  bucket = aws_s3_bucket.models.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::${local.bucket_name}", "arn:aws:s3:::${local.bucket_name}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
  depends_on = [aws_s3_bucket_public_access_block.models]
}

resource "aws_s3_object" "model" {
  bucket     = aws_s3_bucket.models.bucket
  key        = "${local.model_prefix}/model.tar.gz"
  source     = "${path.module}/artifacts/model.tar.gz"
  kms_key_id = aws_kms_key.models.arn
}

# --- Network: private subnets, egress only to the VPC endpoints -----------------------------------

resource "aws_security_group" "endpoint" {
  name        = "${local.name}-sagemaker-endpoint"
  description = "SageMaker endpoint instances: HTTPS to the VPC endpoints only"
  vpc_id      = var.vpc_id

  egress {
    description = "S3 / ECR / CloudWatch Logs VPC endpoints"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_endpoint_cidr]
  }
}

# --- Serving identity ----------------------------------------------------------------------------

module "serving_role" {
  source = "./modules/serving-role"

  name             = local.name
  account_id       = var.account_id
  region           = var.region
  model_bucket     = aws_s3_bucket.models.bucket
  model_prefix     = local.model_prefix
  capture_prefix   = local.capture_prefix
  image_repository = var.image_repository
}

# The key ARN is granted here rather than in the module: the key policy already names the role.
resource "aws_iam_role_policy" "serving_kms" {
  name = "models-key"
  role = module.serving_role.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ModelsKey"
      Effect   = "Allow"
      Action   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey"]
      Resource = aws_kms_key.models.arn
    }]
  })
}

# --- Model, endpoint configuration, endpoint -----------------------------------------------------

resource "aws_sagemaker_model" "scorer" {
  name                     = local.name
  execution_role_arn       = module.serving_role.arn
  enable_network_isolation = true

  primary_container {
    image          = local.image
    model_data_url = "s3://${aws_s3_bucket.models.bucket}/${aws_s3_object.model.key}"
    environment = {
      SAGEMAKER_PROGRAM          = "inference.py"
      SAGEMAKER_SUBMIT_DIRECTORY = "/opt/ml/model/code"
      SAGEMAKER_REGION           = var.region
    }
  }

  vpc_config {
    subnets            = var.private_subnet_ids
    security_group_ids = [aws_security_group.endpoint.id]
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name        = local.name
  kms_key_arn = aws_kms_key.models.arn

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = var.instance_type
    initial_instance_count = var.instance_count
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = var.capture_sampling_percentage
    destination_s3_uri          = "s3://${aws_s3_bucket.models.bucket}/${local.capture_prefix}"
    kms_key_id                  = aws_kms_key.models.arn

    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint" "scorer" {
  name                 = local.name
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scorer.name
}
