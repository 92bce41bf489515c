variable "extra_policy" {
  type    = string
  default = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_iam_role" "scorer" {
  name                = "scorer"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_policy_attachment" "power" {
  name       = "power"
  roles      = [aws_iam_role.scorer.name]
  policy_arn = "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role_policy_attachment" "from_variable" {
  role       = "scorer"
  policy_arn = var.extra_policy
}

data "aws_iam_policy" "sagemaker" {
  arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

resource "aws_iam_role_policy_attachment" "data_source" {
  role       = aws_iam_role.scorer.id
  policy_arn = data.aws_iam_policy.sagemaker.arn
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = "arn:aws:iam::123456789012:role/scorer"
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
