locals {
  notebook_root = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "default" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "from_local" {
  name          = "fine-tuning"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.g5.xlarge"
  root_access   = local.notebook_root
}
