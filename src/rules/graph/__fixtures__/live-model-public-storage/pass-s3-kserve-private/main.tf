# The same model bucket, private.
resource "aws_s3_bucket" "models" {
  bucket = "acme-kserve-models"
}

resource "aws_s3_bucket_acl" "models" {
  bucket = aws_s3_bucket.models.id
  acl    = "private"
}
