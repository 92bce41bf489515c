variable "uniform" {
  type = bool
}

variable "bucket_name" {
  type = string
}

resource "google_storage_bucket" "models" {
  name                        = "acme-models"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

# Decided by the caller: unknown, silent.
resource "google_storage_bucket" "llm" {
  name                        = "acme-llm"
  location                    = "EU"
  uniform_bucket_level_access = var.uniform
  public_access_prevention    = "enforced"
}

# Its name is unknown, so no model can be linked to it.
resource "google_storage_bucket" "unnamed" {
  name     = var.bucket_name
  location = "EU"
}

# Unhardened, but no served model comes from it.
resource "google_storage_bucket" "logs" {
  name     = "acme-logs"
  location = "EU"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec = {
      predictor = {
        model = {
          modelFormat = { name = "sklearn" }
          storageUri  = "gs://${google_storage_bucket.models.name}/churn/v3"
        }
      }
    }
  }
}
