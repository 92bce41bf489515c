resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket" "capture" {
  bucket = "acme-capture"
}

# Logs another bucket.
resource "aws_s3_bucket_logging" "website" {
  bucket        = "acme-website"
  target_bucket = "acme-access-logs"
  target_prefix = "website/"
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
    destination_s3_uri          = "s3://${aws_s3_bucket.capture.id}/capture"
    capture_options {
      capture_mode = "Input"
    }
  }
}
