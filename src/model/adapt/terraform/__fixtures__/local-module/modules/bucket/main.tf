variable "name" {
  type = string
}

variable "public" {
  type = bool
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  acl    = var.public ? "public-read" : "private"
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  value = aws_s3_bucket.this.arn
}
