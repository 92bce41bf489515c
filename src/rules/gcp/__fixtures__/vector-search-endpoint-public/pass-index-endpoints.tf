variable "public" {
  type = bool
}

data "google_project" "project" {}

resource "google_vertex_ai_index_endpoint" "psc" {
  display_name = "rag-docs"
  region       = "us-central1"
  private_service_connect_config {
    enable_private_service_connect = true
    project_allowlist              = [data.google_project.project.name]
  }
}

resource "google_vertex_ai_index_endpoint" "explicitly_private" {
  display_name            = "rag-tickets"
  region                  = "us-central1"
  public_endpoint_enabled = false
  network                 = "projects/123456789/global/networks/serving"
}

resource "google_vertex_ai_index_endpoint" "from_caller" {
  display_name            = "rag-wiki"
  region                  = "us-central1"
  public_endpoint_enabled = var.public
}
