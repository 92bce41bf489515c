variable "network_access" {
  type = string
}

resource "aws_sagemaker_domain" "vpc_only" {
  domain_name             = "ml-platform"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = aws_subnet.private[*].id
  app_network_access_type = "VpcOnly"
  default_user_settings {
    execution_role  = aws_iam_role.studio.arn
    security_groups = [aws_security_group.studio.id]
  }
}

resource "aws_sagemaker_domain" "caller" {
  domain_name             = "research"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = aws_subnet.private[*].id
  app_network_access_type = var.network_access
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}
