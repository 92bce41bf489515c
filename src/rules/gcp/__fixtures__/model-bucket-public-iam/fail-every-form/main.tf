resource "google_storage_bucket" "models" {
  name                        = "acme-models"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket" "llm" {
  name                        = "acme-llm"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "demo" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "uploaders" {
  bucket = "acme-models"
  role   = "roles/storage.objectCreator"
  members = [
    "serviceAccount:trainer@acme.iam.gserviceaccount.com",
    "allAuthenticatedUsers",
  ]
}

data "google_iam_policy" "llm" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "llm" {
  bucket      = google_storage_bucket.llm.name
  policy_data = data.google_iam_policy.llm.policy_data
}
