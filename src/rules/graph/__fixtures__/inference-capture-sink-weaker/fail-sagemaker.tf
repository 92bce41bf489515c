resource "aws_kms_key" "endpoint" {
  description = "chat endpoint volumes"
}

# No default encryption configuration: SSE-S3.
resource "aws_s3_bucket" "capture" {
  bucket = "acme-chat-capture"
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name        = "chat"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-chat-capture/chat"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_s3_bucket" "results" {
  bucket = "acme-summaries-results"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "results" {
  bucket = aws_s3_bucket.results.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "failures" {
  bucket = "acme-summaries-failures"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "failures" {
  bucket = aws_s3_bucket.failures.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# The endpoint key is computed from another resource: a key all the same.
resource "aws_sagemaker_endpoint_configuration" "summaries" {
  name        = "summaries"
  kms_key_arn = aws_kms_key.endpoint.arn
  production_variants {
    model_name             = "summarizer"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path  = "s3://${aws_s3_bucket.results.bucket}/out/"
      s3_failure_path = "s3://acme-summaries-failures/failed/"
    }
  }
}

# Provider v3 inline encryption block, named by reference.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-capture"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "legacy" {
  name        = "legacy"
  kms_key_arn = aws_kms_key.endpoint.arn
  production_variants {
    model_name             = "legacy"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 10
    destination_s3_uri          = "s3://${aws_s3_bucket.legacy.id}/capture"
    capture_options {
      capture_mode = "Input"
    }
  }
}
