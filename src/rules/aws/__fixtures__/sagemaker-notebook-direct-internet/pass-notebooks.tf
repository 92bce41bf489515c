variable "internet" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "private" {
  name                   = "research"
  role_arn               = aws_iam_role.notebook.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  subnet_id              = aws_subnet.private.id
  security_groups        = [aws_security_group.notebook.id]
}

resource "aws_sagemaker_notebook_instance" "caller" {
  name                   = "eval"
  role_arn               = aws_iam_role.notebook.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.internet
  subnet_id              = aws_subnet.private.id
  security_groups        = [aws_security_group.notebook.id]
}
