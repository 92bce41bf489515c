variable "network" {
  type = string
}

variable "psc_enabled" {
  type = bool
}

data "google_project" "project" {}

data "google_compute_network" "vertex" {
  name = "serving"
}

resource "google_vertex_ai_endpoint" "peered" {
  name         = "4201"
  display_name = "fraud-scorer"
  location     = "europe-west4"
  network      = "projects/${data.google_project.project.number}/global/networks/${data.google_compute_network.vertex.name}"
}

resource "google_vertex_ai_endpoint" "psc" {
  name         = "4202"
  display_name = "llm"
  location     = "europe-west4"
  private_service_connect_config {
    enable_private_service_connect = true
    project_allowlist              = ["serving-prod"]
  }
}

# Decided by the caller: unknown, so nothing fires.
resource "google_vertex_ai_endpoint" "network_from_caller" {
  name         = "4203"
  display_name = "ranker"
  location     = "europe-west4"
  network      = var.network
}

resource "google_vertex_ai_endpoint" "psc_from_caller" {
  name         = "4204"
  display_name = "ranker"
  location     = "europe-west4"
  private_service_connect_config {
    enable_private_service_connect = var.psc_enabled
  }
}

# Look-alike: an index endpoint is another rule's business.
resource "google_vertex_ai_index_endpoint" "search" {
  display_name = "search"
  region       = "europe-west4"
}
