variable "psc_enabled" {
  type    = bool
  default = false
}

data "google_project" "project" {}

resource "google_vertex_ai_endpoint" "shared" {
  name         = "4201"
  display_name = "fraud-scorer"
  location     = "europe-west4"
  region       = "europe-west4"
}

resource "google_vertex_ai_endpoint" "dedicated" {
  name                       = "4202"
  display_name               = "llm"
  location                   = "europe-west4"
  dedicated_endpoint_enabled = true
}

resource "google_vertex_ai_endpoint" "psc_off" {
  name         = "4203"
  display_name = "ranker"
  location     = "europe-west4"
  private_service_connect_config {
    enable_private_service_connect = var.psc_enabled
    project_allowlist              = [data.google_project.project.project_id]
  }
}
