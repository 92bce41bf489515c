variable "kms_key_id" {
  type = string
}

variable "imds_version" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "hardened" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
  kms_key_id    = aws_kms_key.notebook.arn
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_sagemaker_notebook_instance" "caller" {
  name          = "eval"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
  kms_key_id    = var.kms_key_id
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = var.imds_version
  }
}
