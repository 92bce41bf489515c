variable "project_id" {
  type = string
}

variable "identity_namespace" {
  type = string
}

resource "google_container_cluster" "identity" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "inference"
  location         = "us-central1"
  enable_autopilot = true
}

resource "google_container_cluster" "from_caller" {
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
