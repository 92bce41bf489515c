subscription_id = "00000000-0000-0000-0000-000000000000"
environment     = "prod"
model_version   = "3"
instance_count  = 2
