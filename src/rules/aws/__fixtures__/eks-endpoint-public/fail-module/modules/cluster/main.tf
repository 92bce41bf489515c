variable "allowed_from" {
  type = list(string)
}

resource "aws_eks_cluster" "this" {
  name     = "model-serving"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    public_access_cidrs = var.allowed_from
  }
}
