variable "publisher_email" {
  type = string
}

# No `project`: the provider's, unknown here, so project-wide grants cannot be placed on them.
resource "google_storage_bucket" "fraud" {
  name     = "acme-fraud-models"
  location = "EU"
}

resource "google_storage_bucket" "ranker" {
  name     = "acme-ranker-models"
  location = "EU"
}

resource "google_storage_bucket" "datasets" {
  name     = "acme-datasets"
  location = "EU"
}

resource "google_service_account" "fraud" {
  account_id = "fraud-serving"
  project    = "acme-ml"
}

resource "google_service_account" "publisher" {
  account_id = "model-publisher"
  project    = "acme-ml"
}

# Each model reads its own bucket.
resource "google_storage_bucket_iam_binding" "fraud_readers" {
  bucket  = google_storage_bucket.fraud.name
  role    = "roles/storage.objectViewer"
  members = ["serviceAccount:${google_service_account.fraud.email}"]
}

resource "google_storage_bucket_iam_member" "ranker_reader" {
  bucket = google_storage_bucket.ranker.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:ranker@other-ml.iam.gserviceaccount.com"
}

# Writes on a bucket no model loads from.
resource "google_storage_bucket_iam_member" "fraud_datasets" {
  bucket = google_storage_bucket.datasets.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.fraud.email}"
}

# Lists ranker's objects, cannot read them.
resource "google_storage_bucket_iam_member" "fraud_lists_ranker" {
  bucket = google_storage_bucket.ranker.name
  role   = "roles/storage.legacyBucketReader"
  member = "serviceAccount:${google_service_account.fraud.email}"
}

# A condition narrows the grant: what it leaves is not evaluated.
resource "google_storage_bucket_iam_member" "fraud_conditional" {
  bucket = google_storage_bucket.ranker.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.fraud.email}"
  condition {
    title      = "staging only"
    expression = "resource.name.startsWith(\"projects/_/buckets/acme-ranker-models/objects/staging/\")"
  }
}

# Project-wide, but the buckets' project is unknown.
resource "google_project_iam_member" "fraud_project" {
  project = "acme-ml"
  role    = "roles/storage.objectAdmin"
  member  = "serviceAccount:${google_service_account.fraud.email}"
}

# The publisher writes every model but no model server runs as it; a member unknown until apply names no one.
resource "google_storage_bucket_iam_binding" "writers" {
  bucket = google_storage_bucket.fraud.name
  role   = "roles/storage.objectAdmin"
  members = [
    "serviceAccount:${google_service_account.publisher.email}",
    "serviceAccount:${var.publisher_email}",
  ]
}
