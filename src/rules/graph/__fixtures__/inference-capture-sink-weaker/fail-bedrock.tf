resource "aws_kms_key" "models" {
  description = "Bedrock custom models"
}

resource "aws_bedrock_custom_model" "support" {
  custom_model_name       = "support-assistant"
  job_name                = "support-assistant-ft-1"
  base_model_identifier   = "arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-express-v1"
  role_arn                = "arn:aws:iam::123456789012:role/bedrock-customization"
  custom_model_kms_key_id = aws_kms_key.models.arn
  hyperparameters = {
    epochCount = "1"
  }
  output_data_config {
    s3_uri = "s3://acme-bedrock-training/output/"
  }
  training_data_config {
    s3_uri = "s3://acme-bedrock-training/train.jsonl"
  }
}

resource "aws_s3_bucket" "invocations" {
  bucket = "acme-bedrock-invocations"
}

resource "aws_cloudwatch_log_group" "invocations" {
  name              = "/bedrock/invocations"
  retention_in_days = 30
}

# Large payloads go to a bucket with a key of yours: not weaker.
resource "aws_s3_bucket" "large" {
  bucket = "acme-bedrock-large"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "large" {
  bucket = aws_s3_bucket.large.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.models.arn
    }
  }
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    text_data_delivery_enabled = true
    s3_config {
      bucket_name = aws_s3_bucket.invocations.id
      key_prefix  = "bedrock"
    }
    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.invocations.name
      role_arn       = "arn:aws:iam::123456789012:role/bedrock-logging"
      large_data_delivery_s3_config {
        bucket_name = "acme-bedrock-large"
      }
    }
  }
}
