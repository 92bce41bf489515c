variable "mutability" {
  type    = string
  default = "MUTABLE"
}

resource "aws_ecr_repository" "scorer" {
  name = "serving/scorer"
}

resource "aws_ecr_repository" "ranker" {
  name                 = "ranker"
  image_tag_mutability = "MUTABLE"
  image_scanning_configuration {
    scan_on_push = false
  }
}

resource "aws_ecr_repository" "churn" {
  name                 = "churn"
  image_tag_mutability = var.mutability
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "${aws_ecr_repository.scorer.repository_url}:1.4.0"
  }
}

resource "aws_sagemaker_model" "ranker" {
  name                     = "ranker"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
}

resource "aws_sagemaker_model" "churn" {
  name                     = "churn"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "${aws_ecr_repository.churn.repository_url}@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  }
}
