resource "aws_sagemaker_domain" "default" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  vpc_id      = aws_vpc.ml.id
  subnet_ids  = aws_subnet.private[*].id
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}

resource "aws_sagemaker_domain" "explicit" {
  domain_name             = "research"
  auth_mode               = "SSO"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = aws_subnet.private[*].id
  app_network_access_type = "PublicInternetOnly"
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}
