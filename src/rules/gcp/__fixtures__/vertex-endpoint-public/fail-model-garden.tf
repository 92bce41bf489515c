# Public: no endpoint_config at all.
resource "google_vertex_ai_endpoint_with_model_garden_deployment" "gemma" {
  publisher_model_name = "publishers/google/models/gemma@gemma-1.1-2b-it"
  location             = "us-central1"
  model_config {
    accept_eula = true
  }
}

# Public: a dedicated endpoint, PSC turned off.
resource "google_vertex_ai_endpoint_with_model_garden_deployment" "qwen" {
  hugging_face_model_id = "Qwen/Qwen3-0.6B"
  location              = "us-central1"
  endpoint_config {
    dedicated_endpoint_enabled = true
    private_service_connect_config {
      enable_private_service_connect = false
    }
  }
}

# Private Service Connect: not reported.
resource "google_vertex_ai_endpoint_with_model_garden_deployment" "paligemma" {
  publisher_model_name = "publishers/google/models/paligemma@paligemma-224-float32"
  location             = "us-central1"
  endpoint_config {
    private_service_connect_config {
      enable_private_service_connect = true
      project_allowlist              = ["serving-prod"]
    }
  }
}
