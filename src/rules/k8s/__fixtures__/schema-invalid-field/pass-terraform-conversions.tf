# Terraform converts primitives to the provider's attribute type: the API server receives "1" and 8080.
resource "kubernetes_pod_v1" "scorer" {
  metadata {
    name      = "scorer"
    namespace = "serving"
  }
  spec {
    dns_config {
      option {
        name  = "ndots"
        value = 1
      }
    }
    container {
      name  = "scorer"
      image = "registry.example.com/scorer:1.4.0"
      port {
        container_port = "8080"
      }
    }
  }
}
