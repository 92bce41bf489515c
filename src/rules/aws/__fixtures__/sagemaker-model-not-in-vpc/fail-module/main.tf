module "serving" {
  source  = "./modules/serving"
  name    = "llm-chat"
  subnets = var.subnets
}

variable "subnets" {
  type = list(string)
}
