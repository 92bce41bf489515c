environment    = "prod"
model_version  = "v7"
image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/fraud-scorer:latest"
instance_count = 2
