variable "no_public_ip" {
  type = bool
}

resource "google_notebooks_instance" "private" {
  name         = "research"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  no_public_ip = true
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

resource "google_notebooks_instance" "from_caller" {
  name         = "fine-tuning"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  no_public_ip = var.no_public_ip
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

# The newer resource is IG-GCP-004's business.
resource "google_workbench_instance" "other" {
  name     = "other"
  location = "us-central1-a"
}
