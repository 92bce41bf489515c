variable "versioning_status" {
  type    = string
  default = "Suspended"
}

# No encryption configuration (SSE-S3 by default), no versioning.
resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket" "capture" {
  bucket = "acme-capture"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "capture" {
  bucket = aws_s3_bucket.capture.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "capture" {
  bucket = aws_s3_bucket.capture.id
  versioning_configuration {
    status = var.versioning_status
  }
}

# Provider v3 inline blocks: the AWS-managed key, versioning off.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-models"
  versioning {
    enabled = false
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://${aws_s3_bucket.models.id}/scorer/model.tar.gz"
  }
  container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-legacy-models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://acme-capture/async"
    }
  }
}
