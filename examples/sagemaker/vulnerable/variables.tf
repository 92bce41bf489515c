variable "region" {
  type    = string
  default = "eu-west-1"
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

variable "image" {
  description = "Inference image (SageMaker PyTorch serving container)."
  type        = string
  default     = "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311"
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
  default     = 100
}
