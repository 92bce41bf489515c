variable "policy_arn" {
  type = string
}

# Admin policies on a role no model runs as.
resource "aws_iam_role" "admin" {
  name                = "admin"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

# Narrow managed policies, a customer policy named like an admin one, an unresolved variable.
resource "aws_iam_role_policy_attachment" "read_only" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "customer" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::123456789012:policy/AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "unknown" {
  role       = aws_iam_role.scorer.name
  policy_arn = var.policy_arn
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
