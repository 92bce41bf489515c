variable "role_arn" {
  type = string
}

resource "aws_sagemaker_model" "ranker" {
  name                     = "ranker"
  execution_role_arn       = var.role_arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
}
