variable "dataset_key" {
  type = string
}

resource "google_bigquery_dataset" "plain" {
  dataset_id = "plain"
}

resource "google_bigquery_dataset" "keyed" {
  dataset_id = "keyed"
  default_encryption_configuration {
    kms_key_name = "projects/acme-ml/locations/eu/keyRings/ml/cryptoKeys/logs"
  }
}

resource "google_bigquery_dataset" "undecided" {
  dataset_id = "undecided"
  default_encryption_configuration {
    kms_key_name = var.dataset_key
  }
}

resource "google_bigquery_dataset" "elsewhere" {
  project    = "another-project"
  dataset_id = "elsewhere"
}

# A table declared with its own key (the dataset has none).
resource "google_bigquery_table" "requests" {
  dataset_id = google_bigquery_dataset.plain.dataset_id
  table_id   = "requests"
  encryption_configuration {
    kms_key_name = "projects/acme-ml/locations/eu/keyRings/ml/cryptoKeys/requests"
  }
}

# The endpoint has no key: the dataset is not weaker than it.
resource "google_vertex_ai_endpoint" "no_key" {
  name         = "2001"
  display_name = "no-key"
  location     = "europe-west4"
  predict_request_response_logging_config {
    enabled = true
    bigquery_destination {
      output_uri = "bq://acme-ml.plain.a"
    }
  }
}

resource "google_vertex_ai_endpoint" "keyed" {
  for_each     = toset(["bq://acme-ml.keyed.b", "bq://acme-ml.undecided.c", "bq://acme-ml.elsewhere.d", "bq://acme-ml", "bq://acme-ml.plain.requests", "bq://acme-ml.not_in_scan.e"])
  name         = substr(md5(each.key), 0, 6)
  display_name = "keyed"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = "projects/acme-ml/locations/europe-west4/keyRings/ml/cryptoKeys/endpoint"
  }
  predict_request_response_logging_config {
    enabled = true
    bigquery_destination {
      output_uri = each.key
    }
  }
}

# Logging not enabled.
resource "google_vertex_ai_endpoint" "logging_off" {
  name         = "2003"
  display_name = "logging-off"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = "projects/acme-ml/locations/europe-west4/keyRings/ml/cryptoKeys/endpoint"
  }
  predict_request_response_logging_config {
    enabled = false
    bigquery_destination {
      output_uri = "bq://acme-ml.plain.f"
    }
  }
}
