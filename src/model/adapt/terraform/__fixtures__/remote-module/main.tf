module "store" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
  bucket  = "artifacts"
}

module "missing" {
  source = "git::https://example.com/mod.git"
}

resource "aws_ssm_parameter" "p" {
  name  = "bucket"
  type  = "String"
  value = module.store.name
  tier  = module.missing.tier
}
