variable "log_target" {
  type = string
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_logging" "models" {
  bucket        = aws_s3_bucket.models.id
  target_bucket = var.log_target
  target_prefix = "models/"
}

# Provider v3 inline block.
resource "aws_s3_bucket" "capture" {
  bucket = "acme-capture"
  logging {
    target_bucket = "acme-access-logs"
    target_prefix = "capture/"
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
    destination_s3_uri          = "s3://acme-capture/capture"
    capture_options {
      capture_mode = "Input"
    }
  }
}
