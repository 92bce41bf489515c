variable "bucket_actions" {
  type    = list(string)
  default = ["ecr:BatchGetImage", "S3:**"]
}

resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
  managed_policy_arns = [aws_iam_policy.from_document.arn]
  inline_policy {
    name = "everything-but-iam"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*"]
        Resource  = "*"
      }]
    })
  }
}

resource "aws_iam_role_policy" "jsonencode" {
  role = aws_iam_role.scorer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.bucket_actions
      Resource = "arn:aws:s3:::models/*"
    }]
  })
}

resource "aws_iam_policy" "heredoc" {
  name   = "scorer-admin"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}
EOT
}

resource "aws_iam_role_policy_attachment" "heredoc" {
  role       = aws_iam_role.scorer.name
  policy_arn = aws_iam_policy.heredoc.arn
}

data "aws_iam_policy_document" "sagemaker" {
  statement {
    actions   = ["sagemaker:*", "s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "from_document" {
  name   = "scorer-sagemaker"
  policy = data.aws_iam_policy_document.sagemaker.json
}

resource "aws_sagemaker_model" "scorer" {
  name                     = "scorer"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
