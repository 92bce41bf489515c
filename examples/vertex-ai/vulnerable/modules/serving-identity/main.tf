# The Google service account a Vertex AI deployed model runs as, and its project roles.

variable "project_id" {
  type = string
}

variable "name" {
  type = string
}

variable "roles" {
  description = "Project-level roles of the serving service account."
  type        = list(string)
}

resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = var.name
  display_name = "Vertex AI serving: ${var.name}"
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
