output "endpoint_name" {
  value = aws_sagemaker_endpoint.scorer.name
}

output "model_bucket" {
  value = aws_s3_bucket.models.id
}
