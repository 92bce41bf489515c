variable "model_subnets" {
  type    = list(string)
  default = []
}

resource "aws_sagemaker_model" "no_vpc" {
  name               = "fraud-scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "empty_subnets" {
  name               = "churn"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:2.0.1"
  }
  vpc_config {
    subnets            = var.model_subnets
    security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  }
}
