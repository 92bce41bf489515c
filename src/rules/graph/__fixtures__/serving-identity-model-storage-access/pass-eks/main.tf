resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}

resource "aws_iam_role" "fraud" {
  name               = "fraud-serving"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "fraud" {
  role = aws_iam_role.fraud.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.models.arn}/fraud/*" }]
  })
}

# A Deny of the same role cancels the write its other statement allows.
resource "aws_iam_role" "ranker" {
  name               = "ranker-serving"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "ranker" {
  role = aws_iam_role.ranker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::acme-models/ranker/*" },
      { Effect = "Deny", Action = "s3:PutObject", Resource = "*" },
    ]
  })
}

# The publisher: may write every model, but no model server runs as it.
resource "aws_iam_role" "publisher" {
  name               = "model-publisher"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "publisher" {
  role = aws_iam_role.publisher.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::acme-models/*" }]
  })
}
