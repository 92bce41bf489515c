module "serving" {
  source      = "./modules/endpoint"
  name        = "4301"
  private     = var.private
}

variable "private" {
  type = bool
}
