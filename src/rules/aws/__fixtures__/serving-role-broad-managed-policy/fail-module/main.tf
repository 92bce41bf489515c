resource "aws_iam_role" "ranker" {
  name               = "ranker"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "ranker" {
  role       = aws_iam_role.ranker.name
  policy_arn = "arn:aws:iam::aws:policy/${var.managed_policy}"
}

variable "managed_policy" {
  type = string
}

module "serving" {
  source   = "./modules/serving"
  role_arn = aws_iam_role.ranker.arn
}
