variable "public_access" {
  type = bool
}

variable "cidrs" {
  type = list(string)
}

resource "aws_eks_cluster" "private" {
  name     = "model-serving"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "narrow" {
  name     = "inference"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    public_access_cidrs = ["203.0.113.0/24"]
  }
}

# Decided by the caller: unknown, nothing fires.
resource "aws_eks_cluster" "unknown_access" {
  name     = "gpu"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_public_access = var.public_access
  }
}

resource "aws_eks_cluster" "unknown_cidrs" {
  name     = "batch"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    public_access_cidrs = var.cidrs
  }
}
