variable "log_key" {
  type = string
}

resource "aws_bedrock_guardrail" "chat" {
  region                    = "eu-west-1"
  name                      = "chat"
  blocked_input_messaging   = "This request was blocked."
  blocked_outputs_messaging = "This response was blocked."
  kms_key_arn               = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
  }
}

resource "aws_s3_bucket" "invocations" {
  bucket = "acme-bedrock-invocations"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  }
}

# A key not known before apply still counts as a key on the sink.
resource "aws_cloudwatch_log_group" "invocations" {
  name       = "/bedrock/invocations"
  kms_key_id = var.log_key
}

resource "aws_s3_bucket" "metadata_only" {
  bucket = "acme-bedrock-metadata"
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    s3_config {
      bucket_name = "acme-bedrock-invocations"
    }
    cloudwatch_config {
      log_group_name = "/bedrock/invocations"
      role_arn       = "arn:aws:iam::123456789012:role/bedrock-logging"
      # A log group and a bucket outside the scan are not judged.
      large_data_delivery_s3_config {
        bucket_name = "someone-elses-bucket"
      }
    }
  }
}

# Every payload switched off: only metadata is logged.
resource "aws_bedrock_model_invocation_logging_configuration" "metadata" {
  logging_config {
    text_data_delivery_enabled      = false
    image_data_delivery_enabled     = false
    embedding_data_delivery_enabled = false
    video_data_delivery_enabled     = false
    s3_config {
      bucket_name = aws_s3_bucket.metadata_only.id
    }
  }
}

# The guardrail's key is in another region than this logging configuration.
resource "aws_bedrock_model_invocation_logging_configuration" "other_region" {
  region = "us-east-1"
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.metadata_only.id
    }
  }
}
