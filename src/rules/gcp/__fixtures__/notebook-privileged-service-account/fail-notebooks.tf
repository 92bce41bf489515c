data "google_compute_default_service_account" "default" {}

resource "google_service_account" "research" {
  account_id = "research-notebooks"
  project    = "acme-ml"
}

resource "google_project_iam_member" "research_admin" {
  project = "acme-ml"
  role    = "roles/aiplatform.admin"
  member  = "serviceAccount:${google_service_account.research.email}"
}

resource "google_notebooks_instance" "default_sa" {
  name         = "legacy"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  no_public_ip = true
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

resource "google_notebooks_instance" "default_by_email" {
  name            = "legacy-2"
  location        = "us-central1-a"
  machine_type    = "n1-standard-8"
  service_account = "123456789012-compute@developer.gserviceaccount.com"
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

resource "google_workbench_instance" "default_by_data_source" {
  name     = "research"
  location = "us-central1-a"
  gce_setup {
    disable_public_ip = true
    service_accounts {
      email = data.google_compute_default_service_account.default.email
    }
  }
}

resource "google_workbench_instance" "admin" {
  name     = "fine-tuning"
  location = "us-central1-a"
  gce_setup {
    disable_public_ip = true
    service_accounts {
      email = google_service_account.research.email
    }
  }
}
