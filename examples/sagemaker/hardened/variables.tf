variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  description = "The serving account: key policy, log group and image repository ARNs."
  type        = string
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "model_name" {
  description = "Name of the model, used for the SageMaker model, endpoint configuration and endpoint."
  type        = string
  default     = "fraud-scorer"
}

variable "model_version" {
  description = "Version of the packaged model.tar.gz in the model bucket."
  type        = string
  default     = "v1"
}

variable "image_repository" {
  description = "ECR repository of the inference image, in the serving account."
  type        = string
  default     = "fraud-scorer"
}

variable "image_digest" {
  description = "Digest of the reviewed inference image (sha256:…), as CI pushed it."
  type        = string

  validation {
    condition     = can(regex("^sha256:[0-9a-f]{64}$", var.image_digest))
    error_message = "Pin the image by digest: sha256:<64 hex digits>."
  }
}

variable "instance_type" {
  type    = string
  default = "ml.m5.xlarge"
}

variable "instance_count" {
  type    = number
  default = 1
}

variable "capture_sampling_percentage" {
  description = "Share of requests whose payloads are written to the data capture prefix."
  type        = number
  default     = 20
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  description = "Private subnets (no NAT route) with S3 gateway and ECR / CloudWatch Logs interface endpoints."
  type        = list(string)
}

variable "vpc_endpoint_cidr" {
  description = "CIDR of the subnets holding the interface VPC endpoints."
  type        = string
}

variable "access_log_bucket" {
  description = "Central, private bucket that receives S3 server access logs."
  type        = string
}
