resource "aws_iam_role" "research" {
  name               = "research"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role" "serving" {
  name               = "serving"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.research.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}

# A notebook whose role is unknown until apply: nothing can be said.
variable "notebook_role" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "scratch" {
  name          = "scratch"
  role_arn      = var.notebook_role
  instance_type = "ml.t3.medium"
}
