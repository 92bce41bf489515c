output "endpoint_id" {
  value = google_vertex_ai_endpoint.churn.id
}

output "model_bucket" {
  value = google_storage_bucket.models.url
}

# The release pipeline deploys the model with `gcloud ai endpoints deploy-model --service-account`.
output "serving_service_account" {
  value = module.serving_identity.email
}
