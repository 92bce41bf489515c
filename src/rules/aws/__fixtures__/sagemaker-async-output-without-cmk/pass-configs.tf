variable "async_key" {
  type = string
}

resource "aws_sagemaker_endpoint_configuration" "with_key" {
  name = "batch-summaries"
  production_variants {
    model_name             = aws_sagemaker_model.summarizer.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://inference-results/summaries/"
      kms_key_id     = aws_kms_key.results.arn
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "caller_key" {
  name = "batch-transcribe"
  production_variants {
    model_name             = aws_sagemaker_model.transcribe.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = "s3://inference-results/transcripts/"
      kms_key_id     = var.async_key
    }
  }
}

# A real-time endpoint writes no async output.
resource "aws_sagemaker_endpoint_configuration" "realtime" {
  name = "chat"
  production_variants {
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
}
