variable "network_policy" {
  type    = bool
  default = false
}

resource "google_container_cluster" "default_datapath" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
}

resource "google_container_cluster" "legacy_policy_off" {
  name               = "training"
  location           = "us-central1"
  initial_node_count = 1
  datapath_provider  = "LEGACY_DATAPATH"
  network_policy {
    enabled = var.network_policy
  }
}

resource "google_container_cluster" "standard" {
  name               = "batch"
  location           = "us-central1"
  initial_node_count = 1
  enable_autopilot   = false
}

resource "google_container_cluster" "addon_off" {
  name     = "serving-addon-off"
  location = "europe-west4"
  network_policy {
    enabled = true
  }
  addons_config {
    network_policy_config {
      disabled = true
    }
  }
}
