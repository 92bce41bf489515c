variable "disable_public_ip" {
  type = bool
}

variable "gce_setup" {
  type = any
}

resource "google_workbench_instance" "private" {
  name     = "research"
  location = "us-central1-a"
  gce_setup {
    machine_type      = "n1-standard-8"
    disable_public_ip = true
    network_interfaces {
      network = "projects/serving/global/networks/ml"
      subnet  = "projects/serving/regions/us-central1/subnetworks/notebooks"
    }
  }
}

resource "google_workbench_instance" "from_caller" {
  name     = "fine-tuning"
  location = "us-central1-a"
  gce_setup {
    machine_type      = "a2-highgpu-1g"
    disable_public_ip = var.disable_public_ip
  }
}

resource "google_workbench_instance" "setup_from_caller" {
  name     = "shared"
  location = "us-central1-a"
  dynamic "gce_setup" {
    for_each = var.gce_setup == null ? [] : [var.gce_setup]
    content {
      machine_type      = gce_setup.value.machine_type
      disable_public_ip = gce_setup.value.disable_public_ip
    }
  }
}
