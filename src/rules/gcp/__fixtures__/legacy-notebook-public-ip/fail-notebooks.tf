locals {
  public = true
}

resource "google_notebooks_instance" "default_ip" {
  name         = "research"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}

resource "google_notebooks_instance" "from_local" {
  name         = "fine-tuning"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  no_public_ip = !local.public
  container_image {
    repository = "gcr.io/deeplearning-platform-release/base-cpu"
    tag        = "latest"
  }
}
