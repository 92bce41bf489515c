variable "encrypted_resources" {
  type = list(string)
}

variable "encryption" {
  type = list(object({ key_arn = string }))
}

resource "aws_eks_cluster" "encrypted" {
  name     = "model-serving"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

# Decided by the caller: unknown, nothing fires.
resource "aws_eks_cluster" "unknown_resources" {
  name     = "inference"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
  encryption_config {
    resources = var.encrypted_resources
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

resource "aws_eks_cluster" "dynamic_unknown" {
  name     = "gpu"
  role_arn = aws_iam_role.cluster.arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
  dynamic "encryption_config" {
    for_each = var.encryption
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value.key_arn
      }
    }
  }
}
