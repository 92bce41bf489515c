managed_policy = "AmazonSageMakerFullAccess"
