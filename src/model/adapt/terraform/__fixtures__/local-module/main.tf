variable "public" {
  type    = bool
  default = false
}

module "models" {
  source = "./modules/bucket"
  name   = "models"
  public = var.public
}

module "logs" {
  source   = "./modules/bucket"
  for_each = toset(["a", "b"])
  name     = "logs-${each.key}"
  public   = false
}

resource "aws_sagemaker_model" "m" {
  name               = "m"
  execution_role_arn = module.models.bucket_arn
  primary_container {
    model_data_url = "s3://${module.models.bucket_name}/model.tar.gz"
  }
}
