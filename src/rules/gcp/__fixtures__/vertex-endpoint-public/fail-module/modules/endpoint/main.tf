variable "name" {
  type = string
}

variable "private" {
  type = bool
}

resource "google_vertex_ai_endpoint" "this" {
  name         = var.name
  display_name = "served-${var.name}"
  location     = "us-central1"

  dynamic "private_service_connect_config" {
    for_each = var.private ? [1] : []
    content {
      enable_private_service_connect = true
      project_allowlist              = ["serving-prod"]
    }
  }
}
