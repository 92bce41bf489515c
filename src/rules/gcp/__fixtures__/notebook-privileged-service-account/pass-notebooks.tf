variable "service_account" {
  type = string
}

resource "google_service_account" "research" {
  account_id = "research-notebooks"
  project    = "acme-ml"
}

resource "google_project_iam_member" "research_user" {
  project = "acme-ml"
  role    = "roles/aiplatform.user"
  member  = "serviceAccount:${google_service_account.research.email}"
}

resource "google_storage_bucket_iam_member" "research_reader" {
  bucket = "acme-datasets"
  role   = "roles/storage.admin"
  member = "serviceAccount:${google_service_account.research.email}"
}

resource "google_notebooks_instance" "dedicated" {
  name            = "legacy"
  location        = "us-central1-a"
  machine_type    = "n1-standard-8"
  service_account = google_service_account.research.email
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

resource "google_notebooks_instance" "from_caller" {
  name            = "legacy-2"
  location        = "us-central1-a"
  machine_type    = "n1-standard-8"
  service_account = var.service_account
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

# Workbench without an email: the default is not documented for this resource, so nothing is claimed.
resource "google_workbench_instance" "unspecified" {
  name     = "research"
  location = "us-central1-a"
  gce_setup {
    disable_public_ip = true
  }
}
