privileged   = false
exporter_tag = "latest"
