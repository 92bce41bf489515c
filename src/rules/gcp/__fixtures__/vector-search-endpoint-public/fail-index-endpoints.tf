variable "public" {
  type    = bool
  default = true
}

resource "google_vertex_ai_index_endpoint" "public" {
  display_name            = "rag-docs"
  region                  = "us-central1"
  public_endpoint_enabled = true
}

resource "google_vertex_ai_index_endpoint" "from_default" {
  display_name            = "rag-tickets"
  region                  = "us-central1"
  public_endpoint_enabled = var.public
}
