variable "passable" {
  type    = string
  default = "arn:aws:iam::123456789012:role/*"
}

resource "aws_iam_policy" "deployer" {
  name = "model-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["sagemaker:CreateModel", "sagemaker:CreateEndpoint"], Resource = "*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "pipeline" {
  statement {
    actions   = ["s3:GetObject", "iam:Pass*"]
    resources = [var.passable]
  }
}

resource "aws_iam_role_policy" "pipeline" {
  role   = "pipeline"
  policy = data.aws_iam_policy_document.pipeline.json
}

resource "aws_iam_user_policy" "ops" {
  user   = "ops"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["*"] }]
}
EOT
}
