# Two roots of one repository: the same addresses, different policies. Each policy is read from its own root.
resource "aws_s3_bucket" "models" {
  bucket_prefix = "models-"
}

data "aws_iam_policy_document" "serving" {
  statement {
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.models.arn}/*"]
  }
}

resource "aws_iam_role" "serving" {
  name               = "serving"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "serving" {
  role   = aws_iam_role.serving.id
  policy = data.aws_iam_policy_document.serving.json
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
