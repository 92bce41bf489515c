module "scoring" {
  source        = "./modules/workspace"
  name          = "scoring"
  public_access = var.public_access
}

variable "public_access" {
  type = bool
}
