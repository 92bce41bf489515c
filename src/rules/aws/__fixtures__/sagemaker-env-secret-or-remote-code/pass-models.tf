variable "hf_token" {
  type      = string
  sensitive = true
}

variable "revision" {
  type = string
}

resource "aws_sagemaker_model" "pinned" {
  name               = "llm-chat"
  execution_role_arn = aws_iam_role.chat.arn
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID                = "acme-labs/chat-7b"
      HF_MODEL_REVISION          = "3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345"
      HF_MODEL_TRUST_REMOTE_CODE = "true"
      # Unknown until the caller passes it: no finding.
      HF_TOKEN = var.hf_token
      # Not credentials: a count of tokens, a file path, a secret's name.
      MAX_TOTAL_TOKENS      = "4096"
      HF_TOKEN_PATH         = "/opt/ml/secrets/hf"
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"
    }
  }
}

# Revision decided by the caller, and a model served from the staged S3 artifact.
resource "aws_sagemaker_model" "caller_revision" {
  name               = "llm-summarize"
  execution_role_arn = aws_iam_role.chat.arn
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID                = "acme-labs/summarize-7b"
      HF_MODEL_REVISION          = var.revision
      HF_MODEL_TRUST_REMOTE_CODE = "true"
    }
  }
}

resource "aws_sagemaker_model" "staged" {
  name               = "llm-reader"
  execution_role_arn = aws_iam_role.chat.arn
  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://models/reader/model.tar.gz"
    environment = {
      HF_MODEL_ID                = "/opt/ml/model"
      HF_MODEL_TRUST_REMOTE_CODE = "true"
      HF_TOKEN                   = "<your-hf-token>"
    }
  }
}
