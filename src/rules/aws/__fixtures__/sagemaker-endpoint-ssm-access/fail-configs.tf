variable "debug" {
  type    = bool
  default = true
}

resource "aws_sagemaker_endpoint_configuration" "scorer" {
  name = "fraud-scorer"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
    enable_ssm_access      = true
  }
  shadow_production_variants {
    model_name             = aws_sagemaker_model.scorer_v2.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
    enable_ssm_access      = var.debug
  }
}
