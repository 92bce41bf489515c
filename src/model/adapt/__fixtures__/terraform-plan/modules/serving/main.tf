variable "name" { type = string }
variable "key_arn" { type = string }

resource "aws_sagemaker_endpoint_configuration" "this" {
  name        = "serving-${var.name}"
  kms_key_arn = var.key_arn
  production_variants {
    variant_name           = "primary"
    model_name             = "m-${var.name}"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

data "aws_iam_policy_document" "static" {
  statement {
    actions   = ["sagemaker:InvokeEndpoint"]
    resources = ["*"]
  }
}

output "config_name" { value = aws_sagemaker_endpoint_configuration.this.name }
