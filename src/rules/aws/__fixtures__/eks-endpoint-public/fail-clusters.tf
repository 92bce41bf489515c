variable "public_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8", "0.0.0.0/0"]
}

resource "aws_eks_cluster" "defaults" {
  name     = "model-serving"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_eks_cluster" "explicit_public" {
  name     = "inference"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access  = true
  }
}

resource "aws_eks_cluster" "open_cidr" {
  name     = "gpu"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    public_access_cidrs = ["203.0.113.0/24", "0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "open_from_variable" {
  name     = "batch"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_public_access = true
    public_access_cidrs    = var.public_cidrs
  }
}
