variable "authorized_networks" {
  type = list(object({ cidr_block = string, display_name = string }))
}

variable "enable_private_endpoint" {
  type = bool
}

resource "google_container_cluster" "authorized" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "admin"
    }
  }
}

resource "google_container_cluster" "nodes_only" {
  name               = "nodes-only"
  location           = "us-central1"
  initial_node_count = 1
  master_authorized_networks_config {}
}

resource "google_container_cluster" "private" {
  name               = "training"
  location           = "us-central1"
  initial_node_count = 1
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

resource "google_container_cluster" "dns_only" {
  name             = "inference"
  location         = "us-central1"
  enable_autopilot = true
  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = false
    }
  }
}

resource "google_container_cluster" "networks_from_caller" {
  name               = "batch"
  location           = "us-central1"
  initial_node_count = 1
  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr_block
        display_name = cidr_blocks.value.display_name
      }
    }
  }
}

resource "google_container_cluster" "endpoint_from_caller" {
  name               = "shared"
  location           = "us-central1"
  initial_node_count = 1
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.enable_private_endpoint
  }
}
