resource "google_vertex_ai_dataset" "claims" {
  display_name        = "claims"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/image_1.0.0.yaml"
  region              = "us-central1"
}

resource "google_vertex_ai_featurestore" "features" {
  name   = "fraud_features"
  region = "us-central1"
  online_serving_config {
    fixed_node_count = 2
  }
}

resource "google_vertex_ai_metadata_store" "lineage" {
  name   = "default"
  region = "us-central1"
}
