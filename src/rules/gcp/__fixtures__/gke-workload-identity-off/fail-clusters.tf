variable "identity_namespace" {
  type    = string
  default = null
}

resource "google_container_cluster" "no_identity" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
}

resource "google_container_cluster" "optional_identity" {
  name               = "training"
  location           = "us-central1"
  initial_node_count = 1
  dynamic "workload_identity_config" {
    for_each = var.identity_namespace == null ? [] : [var.identity_namespace]
    content {
      workload_pool = workload_identity_config.value
    }
  }
}
