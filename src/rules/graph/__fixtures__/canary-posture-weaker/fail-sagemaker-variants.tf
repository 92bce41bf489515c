# The production model is isolated, in a VPC, pinned and read-only; the canary variant and the shadow are not.
resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_iam_role" "primary" {
  name = "scorer-primary"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "sagemaker.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "read-model"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-models/scorer/*" }]
    })
  }
}

resource "aws_iam_role" "shadow" {
  name = "scorer-shadow"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "sagemaker.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "models"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::acme-models/*" }]
    })
  }
}

resource "aws_sagemaker_model" "primary" {
  name                     = "scorer-primary"
  execution_role_arn       = aws_iam_role.primary.arn
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
  name               = "scorer-canary"
  execution_role_arn = aws_iam_role.primary.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:v8"
    model_data_url = "s3://acme-models/scorer/v8/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "shadow" {
  name                     = "scorer-shadow"
  execution_role_arn       = aws_iam_role.shadow.arn
  enable_network_isolation = true
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
    initial_variant_weight = 0.9
  }
  production_variants {
    variant_name           = "canary"
    model_name             = aws_sagemaker_model.canary.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
    initial_variant_weight = 0.1
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
