# The legacy datapath without network_policy: the cluster ignores every NetworkPolicy.
resource "google_container_cluster" "serving" {
  name               = "serving"
  location           = "europe-west4"
  initial_node_count = 1
  workload_identity_config {
    workload_pool = "acme-ml.svc.id.goog"
  }
}
