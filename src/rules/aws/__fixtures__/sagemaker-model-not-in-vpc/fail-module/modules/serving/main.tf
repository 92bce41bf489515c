variable "name" {
  type = string
}

variable "subnets" {
  type    = list(string)
  default = null
}

resource "aws_sagemaker_model" "this" {
  name               = var.name
  execution_role_arn = "arn:aws:iam::123456789012:role/${var.name}"
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/${var.name}:1.0.0"
  }
  dynamic "vpc_config" {
    for_each = var.subnets == null ? [] : [1]
    content {
      subnets            = var.subnets
      security_group_ids = ["sg-0a1b2c3d4e5f60718"]
    }
  }
}
