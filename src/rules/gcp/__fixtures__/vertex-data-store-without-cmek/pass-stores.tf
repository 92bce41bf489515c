variable "kms_key_name" {
  type = string
}

resource "google_kms_crypto_key" "vertex" {
  name     = "vertex"
  key_ring = "projects/ml/locations/us-central1/keyRings/ml"
}

resource "google_vertex_ai_dataset" "claims" {
  display_name        = "claims"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/image_1.0.0.yaml"
  region              = "us-central1"
  encryption_spec {
    kms_key_name = google_kms_crypto_key.vertex.id
  }
}

resource "google_vertex_ai_featurestore" "features" {
  name   = "fraud_features"
  region = "us-central1"
  encryption_spec {
    kms_key_name = var.kms_key_name
  }
}

resource "google_vertex_ai_metadata_store" "lineage" {
  name   = "default"
  region = "us-central1"
  dynamic "encryption_spec" {
    for_each = var.kms_key_name == null ? [] : [1]
    content {
      kms_key_name = var.kms_key_name
    }
  }
}

# Not a data store: the endpoint has its own rule (IG-GCP-002).
resource "google_vertex_ai_endpoint" "other" {
  name         = "4201"
  display_name = "other"
  location     = "us-central1"
}
