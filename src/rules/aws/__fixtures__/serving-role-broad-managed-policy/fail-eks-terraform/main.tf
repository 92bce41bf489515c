# IRSA written in Terraform: the kubernetes_service_account annotation refers to the role.
resource "aws_iam_role" "llm" {
  name               = "llm"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE" } }] })
}

resource "aws_iam_role_policy_attachment" "llm" {
  role       = aws_iam_role.llm.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

# Same policy on the role of a ServiceAccount no model server uses: not reported.
resource "aws_iam_role" "backup" {
  name               = "backup"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE" } }] })
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

resource "kubernetes_service_account" "llm" {
  metadata {
    name      = "llm"
    namespace = "serving"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.llm.arn
    }
  }
}

resource "kubernetes_service_account" "backup" {
  metadata {
    name      = "backup"
    namespace = "serving"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.backup.arn
    }
  }
}

resource "kubernetes_deployment" "llm" {
  metadata {
    name      = "llm"
    namespace = "serving"
  }
  spec {
    selector {
      match_labels = { app = "llm" }
    }
    template {
      metadata {
        labels = { app = "llm" }
      }
      spec {
        service_account_name = kubernetes_service_account.llm.metadata[0].name
        container {
          name  = "vllm"
          image = "vllm/vllm-openai:v0.8.5"
          args  = ["--model", "s3://models/llm"]
        }
      }
    }
  }
}

resource "kubernetes_deployment" "backup" {
  metadata {
    name      = "backup"
    namespace = "serving"
  }
  spec {
    selector {
      match_labels = { app = "backup" }
    }
    template {
      metadata {
        labels = { app = "backup" }
      }
      spec {
        service_account_name = kubernetes_service_account.backup.metadata[0].name
        container {
          name  = "sync"
          image = "public.ecr.aws/aws-cli/aws-cli:2.22.0"
          args  = ["s3", "sync", "s3://models", "/backup"]
        }
      }
    }
  }
}
