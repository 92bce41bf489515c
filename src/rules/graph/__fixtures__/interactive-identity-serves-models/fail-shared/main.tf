resource "aws_iam_role" "ml" {
  name               = "ml"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.ml.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_domain" "studio" {
  domain_name = "studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d"
  subnet_ids  = ["subnet-0a1b2c3d"]
  default_user_settings {
    execution_role = "arn:aws:iam::123456789012:role/ml"
  }
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.ml.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}

# Vertex Workbench running as the service account the model server's ServiceAccount maps to (serving.yaml).
resource "google_workbench_instance" "lab" {
  name     = "lab"
  location = "europe-west4-a"
  gce_setup {
    machine_type = "n1-standard-4"
    service_accounts {
      email = "llm-serving@acme-ml.iam.gserviceaccount.com"
    }
  }
}
