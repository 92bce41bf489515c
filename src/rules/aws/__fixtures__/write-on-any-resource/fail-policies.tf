variable "writer_actions" {
  type    = list(string)
  default = ["s3:GetObject", "s3:PutObject"]
}

data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["s3:GetObject", "s3:Delete*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "writer" {
  name   = "model-writer"
  policy = data.aws_iam_policy_document.writer.json
}

resource "aws_iam_role_policy" "from_variable" {
  role = "trainer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.writer_actions, Resource = "*" }]
  })
}

resource "aws_iam_role" "publisher" {
  name               = "publisher"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  inline_policy {
    name   = "publish"
    policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "NotResource": "arn:aws:s3:::audit"}]}
EOT
  }
}
