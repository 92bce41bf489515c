locals {
  name   = "${var.model_name}-${var.environment}"
  labels = {
    team        = "ml-platform"
    environment = var.environment
    model       = var.model_name
  }
  vertex_agent  = "serviceAccount:service-${var.project_number}@gcp-sa-aiplatform.iam.gserviceaccount.com"
  storage_agent = "serviceAccount:service-${var.project_number}@gs-project-accounts.iam.gserviceaccount.com"
}

# --- Customer-managed key: the endpoint and the model artifacts -----------------------------------

resource "google_kms_key_ring" "ml" {
  name     = "${local.name}-serving"
  location = var.region
}

resource "google_kms_crypto_key" "models" {
  name            = "models"
  key_ring        = google_kms_key_ring.ml.id
  rotation_period = "7776000s" # 90 days
  labels          = local.labels

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_kms_crypto_key_iam_member" "agents" {
  for_each      = toset([local.vertex_agent, local.storage_agent])
  crypto_key_id = google_kms_crypto_key.models.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = each.value
}

# --- Model artifacts (uploaded to the Vertex AI Model Registry by the release pipeline) ------------

resource "google_storage_bucket" "models" {
  name                        = "${var.project_id}-${local.name}-models"
  location                    = var.region
  labels                      = local.labels
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.models.id
  }

  logging {
    log_bucket        = var.access_log_bucket
    log_object_prefix = "${local.name}-models/"
  }

  depends_on = [google_kms_crypto_key_iam_member.agents]
}

# --- Serving identity: reads its own model, writes logs and metrics ------------------------------

module "serving_identity" {
  source = "./modules/serving-identity"

  project_id   = var.project_id
  name         = "${local.name}-serving"
  model_bucket = google_storage_bucket.models.name
  roles        = ["roles/logging.logWriter", "roles/monitoring.metricWriter"]
}

# --- Endpoint: Private Service Connect only, CMEK ------------------------------------------------

resource "google_vertex_ai_endpoint" "churn" {
  name         = "4201"
  display_name = local.name
  description  = "Churn model, online predictions"
  location     = var.region
  labels       = local.labels

  private_service_connect_config {
    enable_private_service_connect = true
    project_allowlist              = var.psc_allowed_projects
  }

  encryption_spec {
    kms_key_name = google_kms_crypto_key.models.id
  }

  depends_on = [google_kms_crypto_key_iam_member.agents]
}
