resource "aws_iam_role" "ranker" {
  name               = "ranker"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "ranker" {
  role = aws_iam_role.ranker.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = [var.model_bucket_action], Resource = "*" }]
  })
}

variable "model_bucket_action" {
  type = string
}

module "serving" {
  source   = "./modules/serving"
  role_arn = aws_iam_role.ranker.arn
}
