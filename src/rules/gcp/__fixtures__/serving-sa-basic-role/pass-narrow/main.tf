variable "members" {
  type = list(string)
}

resource "google_service_account" "churn" {
  account_id = "churn-serving"
  project    = "acme-ml"
}

resource "google_service_account" "batch" {
  account_id = "nightly-batch"
  project    = "acme-ml"
}

resource "google_storage_bucket_iam_member" "churn_reader" {
  bucket = "acme-models"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.churn.email}"
}

resource "google_project_iam_member" "churn_logs" {
  project = "acme-ml"
  role    = "roles/logging.logWriter"
  member  = "serviceAccount:${google_service_account.churn.email}"
}

resource "google_service_account_iam_member" "churn_wi" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/churn]"
}

# Editor on a service account that no model server acts as (a batch job's).
resource "google_project_iam_member" "batch_editor" {
  project = "acme-ml"
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.batch.email}"
}

resource "google_service_account_iam_member" "batch_wi" {
  service_account_id = google_service_account.batch.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[jobs/nightly]"
}

# Members decided by the caller: unknown, silent.
resource "google_project_iam_binding" "owners" {
  project = "acme-ml"
  role    = "roles/owner"
  members = var.members
}
