variable "image_tag" {
  type    = string
  default = "2.1.0"
}

resource "aws_sagemaker_model" "tagged" {
  name               = "fraud-scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:${var.image_tag}"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "pipeline" {
  name               = "rag-pipeline"
  execution_role_arn = aws_iam_role.scorer.arn
  container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/retriever@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  }
  container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
  }
}

resource "aws_sagemaker_model" "private_registry" {
  name               = "ranker"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image = "registry.internal.example.com/ml/ranker"
    image_config {
      repository_access_mode = "Vpc"
    }
  }
}
