variable "image" {
  type = string
}

data "aws_sagemaker_prebuilt_ecr_image" "xgboost" {
  repository_name = "sagemaker-xgboost"
  image_tag       = "1.7-1"
}

resource "aws_sagemaker_model" "digest" {
  name               = "fraud-scorer"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    model_data_url = "s3://models/scorer/model.tar.gz"
  }
}

# Image from an unresolved variable and from a data source: unknown, nothing fires.
resource "aws_sagemaker_model" "caller_image" {
  name               = "ranker"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image = var.image
  }
}

resource "aws_sagemaker_model" "prebuilt" {
  name               = "churn"
  execution_role_arn = aws_iam_role.scorer.arn
  primary_container {
    image          = data.aws_sagemaker_prebuilt_ecr_image.xgboost.registry_path
    model_data_url = "s3://models/churn/model.tar.gz"
  }
}

# A model package brings its own pinned image.
resource "aws_sagemaker_model" "from_package" {
  name                     = "marketplace"
  execution_role_arn       = aws_iam_role.scorer.arn
  enable_network_isolation = true
  primary_container {
    model_package_name = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/scorer/3"
  }
}
