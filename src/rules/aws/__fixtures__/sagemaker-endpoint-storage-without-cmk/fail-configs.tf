variable "volume_key" {
  type    = string
  default = null
}

resource "aws_sagemaker_endpoint_configuration" "no_key" {
  name = "fraud-scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint_configuration" "null_key" {
  name        = "churn"
  kms_key_arn = var.volume_key
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.churn.name
    instance_type          = "ml.c5.2xlarge"
    initial_instance_count = 1
  }
  shadow_production_variants {
    variant_name           = "candidate"
    model_name             = aws_sagemaker_model.churn_v2.name
    instance_type          = "ml.c5.2xlarge"
    initial_instance_count = 1
  }
}
