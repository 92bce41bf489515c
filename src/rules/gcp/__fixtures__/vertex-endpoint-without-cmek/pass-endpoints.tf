variable "kms_key_name" {
  type = string
}

resource "google_kms_crypto_key" "vertex" {
  name     = "vertex"
  key_ring = "projects/serving/locations/europe-west4/keyRings/ml"
}

resource "google_vertex_ai_endpoint" "cmek" {
  name         = "4201"
  display_name = "fraud-scorer"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = google_kms_crypto_key.vertex.id
  }
}

# The caller decides whether there is a key: unknown, silent.
resource "google_vertex_ai_endpoint" "from_caller" {
  name         = "4202"
  display_name = "llm"
  location     = "europe-west4"
  dynamic "encryption_spec" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]
    content {
      kms_key_name = encryption_spec.value
    }
  }
}
