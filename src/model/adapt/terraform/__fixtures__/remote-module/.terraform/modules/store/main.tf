variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket
}

output "name" {
  value = "${aws_s3_bucket.this.bucket}-store"
}
