resource "aws_iam_role" "nodes" {
  name               = "nodes"
  assume_role_policy = "{}"
}

resource "aws_launch_template" "cpu" {
  name_prefix = "cpu-"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_eks_node_group" "cpu" {
  cluster_name    = "ml"
  node_group_name = "cpu"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
  launch_template {
    name    = aws_launch_template.cpu.name
    version = "$Latest"
  }
}

# No launch template: EKS writes one whose metadata options the scan does not hold, so pods that
# land here may not reach the node role.
resource "aws_eks_node_group" "gpu" {
  cluster_name    = "ml"
  node_group_name = "gpu"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
}
