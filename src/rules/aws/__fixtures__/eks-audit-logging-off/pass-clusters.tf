variable "log_types" {
  type = list(string)
}

variable "extra_log_type" {
  type = string
}

resource "aws_eks_cluster" "audited" {
  name                      = "model-serving"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

# Decided by the caller: unknown, nothing fires.
resource "aws_eks_cluster" "unknown" {
  name                      = "inference"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = var.log_types
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_eks_cluster" "one_unknown" {
  name                      = "gpu"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", var.extra_log_type]
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
