resource "kubernetes_pod_v1" "scorer" {
  metadata {
    name      = "scorer"
    namespace = "serving"
  }
  spec {
    container {
      name  = "scorer"
      image = "registry.example.com/scorer:1.4.0"
      port {
        container_port = "http"
      }
    }
  }
}
