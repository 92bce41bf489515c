variable "mutability" {
  type = string
}

variable "scan" {
  type = bool
}

resource "aws_ecr_repository" "scorer" {
  name                 = "scorer"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

# Decided by the caller: unknown, nothing fires.
resource "aws_ecr_repository" "ranker" {
  name                 = "ranker"
  image_tag_mutability = var.mutability
  image_scanning_configuration {
    scan_on_push = var.scan
  }
}

# Mutable, but no model server in the scan runs from it: not judged.
resource "aws_ecr_repository" "web" {
  name = "web-frontend"
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
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ranker:0.9.0"
  }
}
