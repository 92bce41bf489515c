variable "project_number" {
  type    = string
  default = "123456789"
}

resource "google_service_account" "serving" {
  account_id = "serving"
  project    = "acme-ml"
}

resource "google_service_account_iam_member" "namespace" {
  service_account_id = google_service_account.serving.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/${var.project_number}/locations/global/workloadIdentityPools/acme-ml.svc.id.goog/namespace/models"
}

resource "google_project_iam_member" "direct_to_namespace" {
  project = "acme-ml"
  role    = "roles/storage.objectViewer"
  member  = "principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/acme-ml.svc.id.goog/namespace/models"
}

resource "google_service_account" "shared" {
  account_id = "shared-models"
  project    = "acme-ml"
}

resource "google_service_account_iam_binding" "shared_wi" {
  service_account_id = google_service_account.shared.name
  role               = "roles/iam.workloadIdentityUser"
  members = [
    "serviceAccount:acme-ml.svc.id.goog[models/churn]",
    "serviceAccount:acme-ml.svc.id.goog[notebooks/jupyter]",
  ]
}
