variable "root_access" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "no_root" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
  root_access   = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "caller" {
  name          = "eval"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
  root_access   = var.root_access
}
