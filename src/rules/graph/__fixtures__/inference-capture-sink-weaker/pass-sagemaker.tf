variable "capture_uri" {
  type = string
}

variable "endpoint_key" {
  type = string
}

variable "capture_algorithm" {
  type = string
}

resource "aws_kms_key" "capture" {
  description = "captured inference data"
}

resource "aws_s3_bucket" "weak" {
  bucket = "acme-weak-capture"
}

# A key of yours as default encryption.
resource "aws_s3_bucket" "strong" {
  bucket = "acme-strong-capture"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "strong" {
  bucket = aws_s3_bucket.strong.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.capture.arn
    }
  }
}

# Default encryption not known before apply.
resource "aws_s3_bucket" "undecided" {
  bucket = "acme-undecided-capture"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "undecided" {
  bucket = aws_s3_bucket.undecided.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.capture_algorithm
    }
  }
}

# The endpoint itself has no key: the sink is not weaker than it (IG-AWS-003 / IG-AWS-004 speak to that).
resource "aws_sagemaker_endpoint_configuration" "no_endpoint_key" {
  name = "no-endpoint-key"
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-weak-capture/a"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "null_endpoint_key" {
  name        = "null-endpoint-key"
  kms_key_arn = null
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-weak-capture/b"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

# A variable without a value may be null at apply: no comparison.
resource "aws_sagemaker_endpoint_configuration" "variable_endpoint_key" {
  name        = "variable-endpoint-key"
  kms_key_arn = var.endpoint_key
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-weak-capture/c"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

# The capture names its own key.
resource "aws_sagemaker_endpoint_configuration" "capture_key" {
  name        = "capture-key"
  kms_key_arn = aws_kms_key.capture.arn
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-weak-capture/d"
    kms_key_id                  = aws_kms_key.capture.arn
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://acme-weak-capture/async/"
      kms_key_id     = var.endpoint_key
    }
  }
}

# Bucket with a key of yours; a bucket whose encryption is unknown; a bucket outside the scan; an unknown URI.
resource "aws_sagemaker_endpoint_configuration" "sinks" {
  for_each    = toset(["s3://acme-strong-capture/e", "s3://acme-undecided-capture/f", "s3://someone-elses-bucket/g"])
  name        = "sinks-${md5(each.key)}"
  kms_key_arn = aws_kms_key.capture.arn
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = each.key
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "unknown_uri" {
  name        = "unknown-uri"
  kms_key_arn = aws_kms_key.capture.arn
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = var.capture_uri
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
  # One async sink is strong, the other outside the scan.
  async_inference_config {
    output_config {
      s3_output_path  = "s3://acme-strong-capture/async/"
      s3_failure_path = "s3://someone-elses-bucket/failed/"
    }
  }
}

# Capture switched off (the default).
resource "aws_sagemaker_endpoint_configuration" "capture_off" {
  name        = "capture-off"
  kms_key_arn = aws_kms_key.capture.arn
  production_variants {
    model_name             = "chat"
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://acme-weak-capture/h"
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
