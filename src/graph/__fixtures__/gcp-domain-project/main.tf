# A domain-scoped project (`example.com:acme-ml`): Editor on it reaches the bucket through its default projectEditor binding.
resource "google_storage_bucket" "fraud" {
  name     = "acme-fraud-models"
  project  = "example.com:acme-ml"
  location = "EU"
}

resource "google_project_iam_member" "fraud_editor" {
  project = "example.com:acme-ml"
  role    = "roles/editor"
  member  = "serviceAccount:fraud-serving@acme-ml.example.com.iam.gserviceaccount.com"
}
