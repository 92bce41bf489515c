locals {
  trust_sagemaker = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

# IRSA: serving.yaml's ServiceAccount 'llm' names this role by its ARN.
resource "aws_iam_role" "llm" {
  name               = "llm-serving"
  assume_role_policy = local.trust_sagemaker
}

resource "aws_iam_role_policy" "llm" {
  role   = aws_iam_role.llm.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::models/*" }] })
}

# EKS Pod Identity: the association gives ServiceAccount serving/ranker this role.
resource "aws_iam_role" "ranker" {
  name = "ranker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole", "sts:TagSession"], Principal = { Service = "pods.eks.amazonaws.com" } }]
  })
}

data "aws_iam_policy_document" "ranker" {
  statement {
    actions   = ["sagemaker:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "ranker" {
  role   = aws_iam_role.ranker.name
  policy = data.aws_iam_policy_document.ranker.json
}

resource "aws_eks_pod_identity_association" "ranker" {
  cluster_name    = "serving"
  namespace       = "serving"
  service_account = "ranker"
  role_arn        = aws_iam_role.ranker.arn
}

# Trust policy only: the token of ServiceAccount serving/embedder matches the wildcard subject.
resource "aws_iam_role" "embedder" {
  name = "embedder"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" }
      Condition = {
        StringLike = { "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub" = "system:serviceaccount:serving:embed*" }
      }
    }]
  })
  inline_policy {
    name   = "all"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
  }
}
