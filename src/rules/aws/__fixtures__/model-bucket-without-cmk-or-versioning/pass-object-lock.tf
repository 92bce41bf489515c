# Created with Object Lock: S3 turns versioning on and it cannot be suspended. Both carry a KMS key.
resource "aws_kms_key" "models" {
  description = "model artifacts"
}

resource "aws_s3_bucket" "locked" {
  bucket              = "acme-locked-models"
  object_lock_enabled = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "locked" {
  bucket = aws_s3_bucket.locked.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.models.arn
    }
  }
}

# Provider v3 form.
resource "aws_s3_bucket" "locked_v3" {
  bucket = "acme-locked-models-v3"
  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.models.arn
      }
    }
  }
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://acme-locked-models/scorer/model.tar.gz"
  }
  container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:2.0.0"
    model_data_url = "s3://acme-locked-models-v3/ranker/model.tar.gz"
  }
}
