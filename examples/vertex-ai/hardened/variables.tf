variable "project_id" {
  type = string
}

variable "project_number" {
  description = "Number of the project: names the Vertex AI and Cloud Storage service agents that use the key."
  type        = string
}

variable "region" {
  type    = string
  default = "europe-west4"
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "model_name" {
  description = "Name of the served model: endpoint display name, bucket and service account names."
  type        = string
  default     = "churn"
}

variable "psc_allowed_projects" {
  description = "Projects whose VPCs may create a Private Service Connect endpoint to the model."
  type        = list(string)
}

variable "access_log_bucket" {
  description = "Central, private bucket that receives Cloud Storage usage logs."
  type        = string
}
