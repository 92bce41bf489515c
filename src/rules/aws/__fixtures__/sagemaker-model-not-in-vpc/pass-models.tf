variable "subnet_ids" {
  type = list(string)
}

variable "vpc" {
  type = object({ subnets = list(string), security_group_ids = list(string) })
}

resource "aws_sagemaker_model" "in_vpc" {
  name               = "fraud-scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
  vpc_config {
    subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.model.id]
  }
}

# Subnets decided by the caller: unknown, nothing fires.
resource "aws_sagemaker_model" "caller_subnets" {
  name               = "ranker"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
  vpc_config {
    subnets            = var.subnet_ids
    security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  }
}

# A dynamic block over a value the scan cannot resolve: there may or may not be a vpc_config.
resource "aws_sagemaker_model" "dynamic_vpc" {
  name               = "summarizer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/summarizer:3.1.0"
  }
  dynamic "vpc_config" {
    for_each = var.vpc == null ? [] : [var.vpc]
    content {
      subnets            = vpc_config.value.subnets
      security_group_ids = vpc_config.value.security_group_ids
    }
  }
}
