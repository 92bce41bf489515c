variable "project_id" {
  type = string
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

variable "dedicated_endpoint" {
  description = "Serve on a dedicated DNS name instead of the shared regional API."
  type        = bool
  default     = false
}

variable "model_readers" {
  description = "Members that may download the model artifacts."
  type        = list(string)
  default     = []
}
