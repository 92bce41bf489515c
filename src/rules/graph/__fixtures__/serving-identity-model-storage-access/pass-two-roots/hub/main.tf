# A root whose model comes from the Hugging Face Hub; its role may write any object.
resource "aws_iam_role" "serving" {
  name               = "hub-serving"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "serving" {
  role   = aws_iam_role.serving.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] })
}

resource "aws_sagemaker_model" "hub" {
  name               = "hub"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image       = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04"
    environment = { HF_MODEL_ID = "distilbert/distilbert-base-uncased-finetuned-sst-2-english" }
  }
}
