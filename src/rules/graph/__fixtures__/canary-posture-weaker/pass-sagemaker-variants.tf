# Both production variants and the shadow run hardened models; a third model's isolation is decided at apply.
variable "isolation" {
  type = bool
}

resource "aws_sagemaker_model" "primary" {
  name                     = "scorer-primary"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-models/scorer/v7/model.tar.gz"
  }
  vpc_config {
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_sagemaker_model" "canary" {
  name                     = "scorer-canary"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
    model_data_url = "s3://acme-models/scorer/v8/model.tar.gz"
  }
  vpc_config {
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_sagemaker_model" "shadow" {
  name                     = "scorer-shadow"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = var.isolation
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-models/scorer/v9/model.tar.gz"
  }
  vpc_config {
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.primary.name
    initial_instance_count = 2
    instance_type          = "ml.m5.large"
  }
  production_variants {
    variant_name           = "canary"
    model_name             = aws_sagemaker_model.canary.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
  shadow_production_variants {
    variant_name           = "shadow"
    model_name             = aws_sagemaker_model.shadow.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint" "scorer" {
  name                 = "scorer"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scorer.name
}
