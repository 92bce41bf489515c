variable "datapath_provider" {
  type = string
}

variable "enable_autopilot" {
  type = bool
}

resource "google_container_cluster" "dataplane_v2" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
  datapath_provider  = "ADVANCED_DATAPATH"
}

resource "google_container_cluster" "calico" {
  name               = "training"
  location           = "us-central1"
  initial_node_count = 1
  network_policy {
    enabled  = true
    provider = "CALICO"
  }
  addons_config {
    network_policy_config {
      disabled = false
    }
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "inference"
  location         = "us-central1"
  enable_autopilot = true
}

resource "google_container_cluster" "datapath_from_caller" {
  name               = "batch"
  location           = "us-central1"
  initial_node_count = 1
  datapath_provider  = var.datapath_provider
}

resource "google_container_cluster" "mode_from_caller" {
  name             = "shared"
  location         = "us-central1"
  enable_autopilot = var.enable_autopilot
}

# Policy and addon both on: enforced.
resource "google_container_cluster" "policy_and_addon" {
  name     = "serving-enforced"
  location = "europe-west4"
  network_policy {
    enabled = true
  }
  addons_config {
    network_policy_config {
      disabled = false
    }
  }
}
