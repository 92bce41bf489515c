resource "aws_ecr_repository" "server" {
  name = "vllm"
}

resource "kubernetes_deployment_v1" "vllm" {
  metadata {
    name      = "vllm"
    namespace = "serving"
  }
  spec {
    selector {
      match_labels = { app = "vllm" }
    }
    template {
      metadata {
        labels = { app = "vllm" }
      }
      spec {
        container {
          name  = "vllm"
          image = "${aws_ecr_repository.server.repository_url}:v0.6.3"
          security_context {
            privileged = var.privileged
          }
        }
        container {
          name  = "metrics"
          image = "prom/statsd-exporter:${var.exporter_tag}"
        }
      }
    }
  }
}
