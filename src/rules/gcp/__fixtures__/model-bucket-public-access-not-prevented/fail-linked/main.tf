variable "prevention" {
  type    = string
  default = "inherited"
}

resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
}

resource "google_storage_bucket" "llm" {
  name                        = "acme-llm"
  location                    = "EU"
  uniform_bucket_level_access = false
  public_access_prevention    = var.prevention
  versioning {
    enabled = true
  }
}

# Not a model bucket: nothing in the scan loads a model from it.
resource "google_storage_bucket" "logs" {
  name     = "acme-logs"
  location = "EU"
}
