# The bucket a KServe InferenceService loads from, readable by everyone through its ACL.
resource "aws_s3_bucket" "models" {
  bucket = "acme-kserve-models"
}

resource "aws_s3_bucket_acl" "models" {
  bucket = aws_s3_bucket.models.id
  acl    = "public-read"
}
