locals {
  readers = ["allUsers"]
}

resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
}

resource "google_storage_bucket_iam_policy" "models" {
  bucket = google_storage_bucket.models.name
  policy_data = jsonencode({
    bindings = [{ role = "roles/storage.objectViewer", members = local.readers }]
  })
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
