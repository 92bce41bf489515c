resource "aws_s3_bucket" "models" {
  bucket = "models"
  acl    = 
}
