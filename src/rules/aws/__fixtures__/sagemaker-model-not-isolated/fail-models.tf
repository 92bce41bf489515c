variable "isolate" {
  type    = bool
  default = false
}

resource "aws_sagemaker_model" "default_off" {
  name               = "fraud-scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "explicit_off" {
  name                     = "churn"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = false
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/churn:2.0.1"
  }
}

resource "aws_sagemaker_model" "from_variable" {
  name                     = "ranker"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = var.isolate
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
}
