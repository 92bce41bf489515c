resource "aws_iam_role" "nodes" {
  name = "gpu-nodes"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# IMDSv2 only, but tokens travel two hops: a process in a pod gets one (a plain GET does not).
resource "aws_launch_template" "gpu" {
  name_prefix = "gpu-"
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}

resource "aws_eks_node_group" "gpu" {
  cluster_name    = "ml"
  node_group_name = "gpu"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
  launch_template {
    id      = aws_launch_template.gpu.id
    version = aws_launch_template.gpu.latest_version
  }
}
