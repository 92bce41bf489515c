variable "hub_token" {
  type    = string
  default = "hf_aZ3kLm9QwErTy7UiOp2AsDf4"
}

resource "aws_sagemaker_model" "chat" {
  name               = "llm-chat"
  execution_role_arn = aws_iam_role.chat.arn
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID                = "acme-labs/chat-7b"
      HF_MODEL_TRUST_REMOTE_CODE = "true"
      SM_NUM_GPUS                = "1"
      HUGGING_FACE_HUB_TOKEN     = var.hub_token
    }
  }
}

resource "aws_sagemaker_model" "pipeline" {
  name               = "rag-pipeline"
  execution_role_arn = aws_iam_role.chat.arn
  container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/retriever:1.2.0"
    environment = {
      VECTOR_DB_PASSWORD = "Tr0ub4dor&3-prod"
      VECTOR_DB_HOST     = "vectors.internal"
    }
  }
  container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
    environment = {
      HF_MODEL_ID                = "acme-labs/reader-3b"
      HF_REVISION                = "main"
      HF_MODEL_TRUST_REMOTE_CODE = true
    }
  }
}
