variable "project" {
  type    = string
  default = "acme-ml"
}

resource "google_kms_crypto_key" "endpoint" {
  name     = "vertex-endpoint"
  key_ring = "projects/acme-ml/locations/europe-west4/keyRings/ml"
}

resource "google_bigquery_dataset" "requests" {
  dataset_id = "chat_requests"
  location   = "EU"
}

resource "google_vertex_ai_endpoint" "chat" {
  name         = "1001"
  display_name = "chat"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = google_kms_crypto_key.endpoint.id
  }
  predict_request_response_logging_config {
    enabled       = true
    sampling_rate = 0.1
    bigquery_destination {
      output_uri = "bq://acme-ml.chat_requests.live"
    }
  }
}

# Named through a reference to the dataset, in its own project.
resource "google_bigquery_dataset" "scores" {
  project    = var.project
  dataset_id = "scores"
}

resource "google_vertex_ai_endpoint" "scorer" {
  name         = "1002"
  display_name = "scorer"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = "projects/acme-ml/locations/europe-west4/keyRings/ml/cryptoKeys/scorer"
  }
  predict_request_response_logging_config {
    enabled = true
    bigquery_destination {
      output_uri = "bq://${var.project}.${google_bigquery_dataset.scores.dataset_id}"
    }
  }
}
