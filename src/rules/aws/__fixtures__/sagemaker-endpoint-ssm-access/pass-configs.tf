variable "ssm" {
  type = bool
}

resource "aws_sagemaker_endpoint_configuration" "default_off" {
  name = "fraud-scorer"
  production_variants {
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }
}

resource "aws_sagemaker_endpoint_configuration" "explicit_off" {
  name = "churn"
  production_variants {
    model_name             = aws_sagemaker_model.churn.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
    enable_ssm_access      = false
  }
  production_variants {
    model_name             = aws_sagemaker_model.churn_v2.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
    enable_ssm_access      = var.ssm
  }
}
