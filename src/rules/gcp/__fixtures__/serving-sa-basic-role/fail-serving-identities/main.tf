variable "project_id" {
  type    = string
  default = "acme-ml"
}

resource "google_service_account" "churn" {
  account_id = "churn-serving"
  project    = var.project_id
}

resource "google_project_iam_member" "churn_editor" {
  project = var.project_id
  role    = "roles/editor"
  member  = "serviceAccount:${google_service_account.churn.email}"
}

resource "google_service_account_iam_member" "churn_wi" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[models/churn]"
}

# The vLLM server's KSA names this account in its annotation.
resource "google_project_iam_binding" "storage_admins" {
  project = var.project_id
  role    = "roles/storage.admin"
  members = [
    "group:ml-admins@acme.example",
    "serviceAccount:llm@acme-ml.iam.gserviceaccount.com",
  ]
}
