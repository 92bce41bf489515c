resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_iam_role" "fraud" {
  name               = "fraud-serving"
  assume_role_policy = "{}"
}

# Writes its own model; reads the whole bucket, ranker's model included.
resource "aws_iam_role_policy" "fraud" {
  role = aws_iam_role.fraud.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.models.arn}/fraud/*" },
      { Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.models.arn}/*" },
    ]
  })
}

resource "aws_iam_role" "ranker" {
  name               = "ranker-serving"
  assume_role_policy = "{}"
}

# Reads its own model, and may overwrite fraud's.
data "aws_iam_policy_document" "ranker" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-models/ranker/*"]
  }
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-models/fraud/*"]
  }
}

resource "aws_iam_role_policy" "ranker" {
  role   = aws_iam_role.ranker.id
  policy = data.aws_iam_policy_document.ranker.json
}
