# A public bucket policy on the bucket an endpoint's model loads from.
resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_policy" "models" {
  bucket = aws_s3_bucket.models.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "arn:aws:s3:::acme-models/*"
    }]
  })
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = "arn:aws:iam::123456789012:role/scorer"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint" "scorer" {
  name                 = "scorer"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scorer.name
}
