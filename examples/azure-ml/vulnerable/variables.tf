variable "subscription_id" {
  type = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "model_name" {
  type    = string
  default = "churn"
}

variable "model_version" {
  type    = string
  default = "1"
}

variable "instance_type" {
  type    = string
  default = "Standard_DS3_v2"
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "endpoint_public_access" {
  description = "Accept scoring requests from the internet (Enabled) or only through the workspace private endpoint (Disabled)."
  type        = string
  default     = "Enabled"
}
