locals {
  name = "${var.model_name}-${var.environment}"
  tags = {
    team        = "ml-platform"
    environment = var.environment
    model       = var.model_name
  }
}

# --- Model artifacts -----------------------------------------------------------------------------

resource "aws_s3_bucket" "models" {
  bucket = "acme-${local.name}-models"
}

# Opened up so the partner team could pull the weights with `aws s3 cp --no-sign-request`.
resource "aws_s3_bucket_public_access_block" "models" {
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "models" {
  bucket = aws_s3_bucket.models.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnerDownload"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::${aws_s3_bucket.models.bucket}", "arn:aws:s3:::${aws_s3_bucket.models.bucket}/*"]
    }]
  })
  depends_on = [aws_s3_bucket_public_access_block.models]
}

resource "aws_s3_object" "model" {
  bucket = aws_s3_bucket.models.id
  key    = "${var.model_name}/${var.model_version}/model.tar.gz"
  source = "${path.module}/artifacts/model.tar.gz"
}

# --- Serving identity ----------------------------------------------------------------------------

module "serving_role" {
  source = "./modules/serving-role"

  name         = local.name
  model_bucket = aws_s3_bucket.models.bucket
}

# --- Model, endpoint configuration, endpoint -----------------------------------------------------

resource "aws_sagemaker_model" "scorer" {
  name               = local.name
  execution_role_arn = module.serving_role.arn

  primary_container {
    image          = var.image
    model_data_url = "s3://${aws_s3_bucket.models.bucket}/${aws_s3_object.model.key}"
    environment = {
      SAGEMAKER_PROGRAM          = "inference.py"
      SAGEMAKER_SUBMIT_DIRECTORY = "/opt/ml/model/code"
      SAGEMAKER_REGION           = var.region
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = local.name

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = var.instance_type
    initial_instance_count = var.instance_count
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = var.capture_sampling_percentage
    destination_s3_uri          = "s3://${aws_s3_bucket.models.bucket}/data-capture/${var.model_name}"

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
