# Dataplane V2 enforces the egress policy.
resource "google_container_cluster" "serving" {
  name               = "serving"
  location           = "europe-west4"
  initial_node_count = 1
  workload_identity_config {
    workload_pool = "acme-ml.svc.id.goog"
  }
  datapath_provider  = "ADVANCED_DATAPATH"
}
