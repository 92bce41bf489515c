variable "privileged" {
  type    = bool
  default = false
}

variable "exporter_tag" {
  type = string
}
