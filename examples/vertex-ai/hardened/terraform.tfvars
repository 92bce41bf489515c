project_id           = "acme-ml-prod"
project_number       = "412345678901"
environment          = "prod"
psc_allowed_projects = ["acme-apps-prod"]
access_log_bucket    = "acme-ml-prod-gcs-usage-logs"
