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

variable "private_endpoint_subnet_id" {
  description = "Subnet of the client network that gets the workspace private endpoint."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "privatelink.api.azureml.ms and privatelink.notebooks.azure.net zones."
  type        = list(string)
}
