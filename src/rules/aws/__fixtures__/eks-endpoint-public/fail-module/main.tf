module "cluster" {
  source       = "./modules/cluster"
  allowed_from = var.allowed_from
}

variable "allowed_from" {
  type = list(string)
}
