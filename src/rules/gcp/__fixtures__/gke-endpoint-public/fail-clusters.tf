variable "authorized_networks" {
  type = list(object({ cidr_block = string, display_name = string }))
  default = [
    { cidr_block = "0.0.0.0/0", display_name = "all-for-now" },
  ]
}

resource "google_container_cluster" "open" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
}

resource "google_container_cluster" "private_nodes_public_endpoint" {
  name               = "training"
  location           = "us-central1"
  initial_node_count = 1
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

resource "google_container_cluster" "anywhere" {
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
