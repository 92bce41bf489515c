resource "google_storage_bucket" "fraud" {
  name     = "acme-fraud-models"
  project  = "acme-ml"
  location = "EU"
}

resource "google_storage_bucket" "ranker" {
  name     = "acme-ranker-models"
  project  = "acme-ml"
  location = "EU"
}

resource "google_service_account" "fraud" {
  account_id = "fraud-serving"
  project    = "acme-ml"
}

resource "google_service_account" "ranker" {
  account_id = "ranker-serving"
  project    = "acme-ml"
}

# The ranker KSA acts as its service account through the Workload Identity grant alone (no annotation).
resource "google_service_account_iam_member" "ranker_wi" {
  service_account_id = google_service_account.ranker.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/ranker]"
}

# fraud may replace its own model.
resource "google_storage_bucket_iam_member" "fraud_own" {
  bucket = google_storage_bucket.fraud.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.fraud.email}"
}

# fraud may read ranker's model (a binding: the member line is the place).
resource "google_storage_bucket_iam_binding" "ranker_readers" {
  bucket = "acme-ranker-models"
  role   = "roles/storage.objectViewer"
  members = [
    "serviceAccount:ranker-serving@acme-ml.iam.gserviceaccount.com",
    "serviceAccount:fraud-serving@acme-ml.iam.gserviceaccount.com",
  ]
}

# ranker may write every bucket of the project: its own model and fraud's.
resource "google_project_iam_member" "ranker_objects" {
  project = "acme-ml"
  role    = "roles/storage.objectUser"
  member  = google_service_account.ranker.member
}
