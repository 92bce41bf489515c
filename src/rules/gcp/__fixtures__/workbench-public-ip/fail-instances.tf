variable "disable_public_ip" {
  type    = bool
  default = false
}

resource "google_workbench_instance" "no_setup" {
  name     = "quickstart"
  location = "us-central1-a"
}

resource "google_workbench_instance" "not_set" {
  name     = "research"
  location = "us-central1-a"
  gce_setup {
    machine_type = "n1-standard-8"
    accelerator_configs {
      type       = "NVIDIA_TESLA_T4"
      core_count = 1
    }
  }
}

resource "google_workbench_instance" "from_default" {
  name     = "fine-tuning"
  location = "us-central1-a"
  gce_setup {
    machine_type      = "a2-highgpu-1g"
    disable_public_ip = var.disable_public_ip
  }
}
