variable "isolate" {
  type = bool
}

resource "aws_sagemaker_model" "isolated" {
  name                     = "fraud-scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}

# Decided by the caller: no default, no tfvars in the scan, so the value is unknown and nothing fires.
resource "aws_sagemaker_model" "unknown" {
  name                     = "ranker"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = var.isolate
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
}

# Another resource type with a look-alike attribute.
resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "scorer"
  production_variants {
    model_name             = aws_sagemaker_model.isolated.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}
