allowed_from = ["0.0.0.0/0"]
