resource "google_container_cluster" "serving" {
  name               = "serving"
  location           = "us-central1"
  initial_node_count = 1
}
