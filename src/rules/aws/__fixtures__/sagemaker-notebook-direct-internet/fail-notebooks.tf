variable "internet" {
  type    = string
  default = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "default" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "explicit" {
  name                   = "fine-tuning"
  role_arn               = aws_iam_role.notebook.arn
  instance_type          = "ml.g5.xlarge"
  direct_internet_access = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "from_variable" {
  name                   = "eval"
  role_arn               = aws_iam_role.notebook.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.internet
}
