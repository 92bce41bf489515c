# Public, but no endpoint serves the model; and a bucket whose public access block only leaves a protection
# off (IG-AWS-016's, not public yet) behind a served model.
resource "aws_s3_bucket" "staging" {
  bucket = "acme-staging-models"
}

resource "aws_s3_bucket_acl" "staging" {
  bucket = aws_s3_bucket.staging.id
  acl    = "public-read"
}

resource "aws_sagemaker_model" "draft" {
  name               = "draft"
  execution_role_arn = "arn:aws:iam::123456789012:role/draft"
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/draft@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-staging-models/draft/model.tar.gz"
  }
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket              = aws_s3_bucket.models.id
  block_public_acls   = true
  ignore_public_acls  = true
  block_public_policy = false
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
