variable "imds_version" {
  type    = string
  default = "1"
}

resource "aws_sagemaker_notebook_instance" "defaults" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "imds_v1" {
  name          = "fine-tuning"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.g5.xlarge"
  kms_key_id    = aws_kms_key.notebook.arn
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = var.imds_version
  }
}
