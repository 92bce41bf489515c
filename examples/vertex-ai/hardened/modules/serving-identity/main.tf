# The Google service account a Vertex AI deployed model runs as: read access to its own model
# bucket, and the project roles it needs to write logs and metrics.

variable "project_id" {
  type = string
}

variable "name" {
  type = string
}

variable "model_bucket" {
  description = "Bucket holding this model's artifacts."
  type        = string
}

variable "roles" {
  description = "Project-level roles of the serving service account (logging and monitoring writers only)."
  type        = list(string)
}

resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = var.name
  display_name = "Vertex AI serving: ${var.name}"
}

resource "google_storage_bucket_iam_member" "model_reader" {
  bucket = var.model_bucket
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.this.email}"
}

resource "google_project_iam_member" "this" {
  for_each = toset(var.roles)
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.this.email}"
}

output "email" {
  value = google_service_account.this.email
}
