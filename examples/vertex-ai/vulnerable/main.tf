locals {
  name = "${var.model_name}-${var.environment}"
  labels = {
    team        = "ml-platform"
    environment = var.environment
    model       = var.model_name
  }
}

# --- Model artifacts (uploaded to the Vertex AI Model Registry by the release pipeline) ------------

resource "google_storage_bucket" "models" {
  name          = "${var.project_id}-${local.name}-models"
  location      = "EU"
  force_destroy = true
  labels        = local.labels
}

resource "google_storage_bucket_iam_member" "model_readers" {
  for_each = toset(var.model_readers)
  bucket   = google_storage_bucket.models.name
  role     = "roles/storage.objectViewer"
  member   = each.value
}

# --- Serving identity: the service account the deployed model runs as ---------------------------

module "serving_identity" {
  source = "./modules/serving-identity"

  project_id = var.project_id
  name       = "${local.name}-serving"
  roles      = ["roles/editor"]
}

# --- Endpoint ------------------------------------------------------------------------------------

resource "google_vertex_ai_endpoint" "churn" {
  name                       = "4201"
  display_name               = local.name
  description                = "Churn model, online predictions"
  location                   = var.region
  labels                     = local.labels
  dedicated_endpoint_enabled = var.dedicated_endpoint
}
