# allUsers may read the bucket a KServe model (made by Terraform) is loaded from.
resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec       = { predictor = { model = { modelFormat = { name = "sklearn" }, storageUri = "gs://acme-models/churn/v3" } } }
  }
}
