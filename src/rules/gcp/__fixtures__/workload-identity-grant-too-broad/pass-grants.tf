variable "member" {
  type = string
}

resource "google_service_account" "churn" {
  account_id = "churn"
  project    = "acme-ml"
}

resource "google_service_account" "llm" {
  account_id = "llm"
  project    = "acme-ml"
}

resource "google_service_account_iam_member" "churn" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/churn]"
}

# Two KSAs of the same namespace: narrower than a principalSet, not several namespaces.
resource "google_service_account_iam_binding" "llm" {
  service_account_id = google_service_account.llm.name
  role               = "roles/iam.workloadIdentityUser"
  members = [
    "serviceAccount:acme-ml.svc.id.goog[models/llm]",
    "serviceAccount:acme-ml.svc.id.goog[models/llm-canary]",
  ]
}

resource "google_service_account_iam_member" "from_caller" {
  service_account_id = google_service_account.llm.name
  role               = "roles/iam.workloadIdentityUser"
  member             = var.member
}

# A principalSet of a non-GKE pool (GitHub Actions federation) is another problem.
resource "google_service_account_iam_member" "ci" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/attribute.repository/acme/models"
}
