model_bucket_action = "s3:*"
