variable "algorithm" {
  type = string
}

variable "versioning_status" {
  type = string
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
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Decided by the caller: unknown, nothing fires.
resource "aws_s3_bucket" "capture" {
  bucket = "acme-capture"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "capture" {
  bucket = "acme-capture"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}

resource "aws_s3_bucket_versioning" "capture" {
  bucket = "acme-capture"
  versioning_configuration {
    status = var.versioning_status
  }
}

# Provider v3 inline blocks, DSSE-KMS with a key.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-models"
  versioning {
    enabled = true
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms:dsse"
        kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  }
}

# No model comes from it.
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
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
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://${aws_s3_bucket.capture.bucket}/capture"
    capture_options {
      capture_mode = "Input"
    }
  }
}
