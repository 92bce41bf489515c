resource "google_storage_bucket" "fraud" {
  name                        = "acme-fraud-models"
  project                     = "acme-ml"
  location                    = "EU"
  uniform_bucket_level_access = true
}

# Its policy is replaced: no default convenience bindings, only the ones written here.
resource "google_storage_bucket" "ranker" {
  name                        = "acme-ranker-models"
  project                     = "acme-ml"
  location                    = "EU"
  uniform_bucket_level_access = true
}

data "google_iam_policy" "ranker" {
  binding {
    role    = "roles/storage.objectAdmin"
    members = ["projectEditor:acme-ml"]
  }
}

resource "google_storage_bucket_iam_policy" "ranker" {
  bucket      = google_storage_bucket.ranker.name
  policy_data = data.google_iam_policy.ranker.policy_data
}

# Editor on the project: the fraud bucket's default projectEditor binding (legacyBucketOwner) lets it
# replace its own model, and the ranker bucket's policy gives projectEditor objectAdmin.
resource "google_project_iam_member" "fraud_editor" {
  project = "acme-ml"
  role    = "roles/editor"
  member  = "serviceAccount:fraud-serving@acme-ml.iam.gserviceaccount.com"
}

# Viewer on the project: reads fraud's model through the default projectViewer binding (uniform access).
resource "google_project_iam_binding" "viewers" {
  project = "acme-ml"
  role    = "roles/viewer"
  members = ["serviceAccount:ranker-serving@acme-ml.iam.gserviceaccount.com"]
}
