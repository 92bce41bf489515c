# A NIMService written by Terraform whose HTTP routes are switched by a variable without a value: no route is evidence.
variable "http_routes" {
  type = bool
}

resource "kubernetes_manifest" "rerank" {
  manifest = {
    apiVersion = "apps.nvidia.com/v1alpha1"
    kind       = "NIMService"
    metadata   = { name = "rerank", namespace = "nim-operator" }
    spec = {
      image      = { repository = "nvcr.io/nim/nvidia/llama-3.2-nv-rerankqa-1b-v2", tag = "1.3.1" }
      authSecret = "ngc-api-secret"
      expose = {
        router = {
          hostDomainName = "example.com"
          gateway        = { namespace = "envoy-gateway-system", name = "eg", httpRoutesEnabled = var.http_routes }
        }
      }
    }
  }
}
