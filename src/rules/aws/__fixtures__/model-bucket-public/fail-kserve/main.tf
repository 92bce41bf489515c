# KServe (serving.yaml) loads the model from this bucket; its public access block leaves policies open.
resource "aws_s3_bucket" "models" {
  bucket = "acme-kserve-models"
}

resource "aws_s3_bucket_public_access_block" "models" {
  bucket                  = aws_s3_bucket.models.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

# Public, but no model server of the scan loads from it.
resource "aws_s3_bucket" "website" {
  bucket = "acme-website"
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket                  = aws_s3_bucket.website.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}
