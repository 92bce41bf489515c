variable "members" {
  type = list(string)
}

resource "google_storage_bucket" "models" {
  name                        = "acme-models"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket" "website" {
  name     = "acme-website"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "serving" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:churn@acme.iam.gserviceaccount.com"
}

# Members decided by the caller: unknown, silent.
resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = google_storage_bucket.models.name
  role    = "roles/storage.objectViewer"
  members = var.members
}

# Public, but no model is served from this bucket.
resource "google_storage_bucket_iam_member" "website" {
  bucket = google_storage_bucket.website.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

# A public grant at project level is another problem (not this bucket's IAM).
resource "google_project_iam_member" "odd" {
  project = "acme"
  role    = "roles/storage.objectViewer"
  member  = "allAuthenticatedUsers"
}
