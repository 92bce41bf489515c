variable "kms_key_name" {
  type    = string
  default = null
}

resource "google_vertex_ai_endpoint" "default_keys" {
  name         = "4201"
  display_name = "fraud-scorer"
  location     = "europe-west4"
}

# The module pattern: the block is only written when a key is given, and the default gives none.
resource "google_vertex_ai_endpoint" "optional_key" {
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
