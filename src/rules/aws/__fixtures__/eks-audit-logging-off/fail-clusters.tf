variable "log_types" {
  type    = list(string)
  default = ["api", "authenticator"]
}

resource "aws_eks_cluster" "no_logs" {
  name     = "model-serving"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_eks_cluster" "api_only" {
  name                      = "inference"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "scheduler"]
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_eks_cluster" "from_variable" {
  name                      = "gpu"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = var.log_types
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
