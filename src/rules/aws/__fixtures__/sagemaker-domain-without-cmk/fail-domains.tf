variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_sagemaker_domain" "default" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  vpc_id      = aws_vpc.ml.id
  subnet_ids  = aws_subnet.private[*].id
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}

resource "aws_sagemaker_domain" "null_key" {
  domain_name = "research"
  auth_mode   = "IAM"
  vpc_id      = aws_vpc.ml.id
  subnet_ids  = aws_subnet.private[*].id
  kms_key_id  = var.kms_key_id
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}
