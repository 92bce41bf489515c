project_id         = "acme-ml-prod"
environment        = "prod"
dedicated_endpoint = true
# The mobile team's offline evaluation job downloads the weights without credentials.
model_readers = ["allUsers"]
