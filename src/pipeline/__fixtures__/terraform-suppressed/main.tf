# inferguard:ignore IG-K8S-125 namespace policies live in the platform repository
resource "kubernetes_pod_v1" "triton" {
  metadata {
    name      = "triton"
    namespace = "serving"
  }
  spec {
    container {
      name  = "triton"
      image = "nvcr.io/nvidia/tritonserver:24.05-py3"
      security_context {
        privileged = true // inferguard:ignore IG-K8S-101 needs the device plugin socket
      }
    }
  }
}
