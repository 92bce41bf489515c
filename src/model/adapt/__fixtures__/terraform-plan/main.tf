provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variable "public" {
  type    = bool
  default = true
}

resource "aws_kms_key" "models" {
  description = "model artifacts"
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
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

data "aws_iam_policy_document" "read_models" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.models.arn}/*"]
  }
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "read_models" {
  name   = "read-models"
  role   = "serving"
  policy = data.aws_iam_policy_document.read_models.json
}

resource "aws_s3_bucket_public_access_block" "models" {
  count                   = var.public ? 0 : 1
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "serving" {
  source   = "./modules/serving"
  for_each = toset(["a", "b"])
  name     = each.key
  key_arn  = aws_kms_key.models.arn
}

variable "instance_type" {
  type    = string
  default = "ml.g5.xlarge"
}

resource "aws_iam_role" "serving" {
  name = "serving"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }]
  })
}

resource "aws_sagemaker_model" "m" {
  count              = 2
  name               = "model-${count.index}"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-gpu-py310"
    model_data_url = "s3://${aws_s3_bucket.models.bucket}/model-${count.index}.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "direct" {
  name = "direct"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.m[0].name
    initial_instance_count = 1
    instance_type          = var.instance_type
  }
}

resource "aws_sagemaker_endpoint" "a" {
  name                 = "serving-a"
  endpoint_config_name = module.serving["a"].config_name
}
