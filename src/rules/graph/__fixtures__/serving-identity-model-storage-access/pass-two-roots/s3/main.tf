# Another root (another deployment) that loads a model from S3 with a read-only role.
resource "aws_iam_role" "serving" {
  name               = "s3-serving"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "serving" {
  role   = aws_iam_role.serving.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::my-bucket/mypath/*" }] })
}

resource "aws_sagemaker_model" "s3" {
  name               = "s3"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04"
    model_data_url = "s3://my-bucket/mypath/model.tar.gz"
  }
}
