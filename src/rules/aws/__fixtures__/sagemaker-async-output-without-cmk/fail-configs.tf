locals {
  async_output = {
    path = "s3://inference-results/summaries/"
    key  = null
  }
}

resource "aws_sagemaker_endpoint_configuration" "no_key" {
  name = "batch-summaries"
  production_variants {
    model_name             = aws_sagemaker_model.summarizer.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    client_config {
      max_concurrent_invocations_per_instance = 4
    }
    output_config {
      s3_output_path  = "s3://inference-results/summaries/"
      s3_failure_path = "s3://inference-results/summaries-failed/"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "null_key" {
  name = "batch-transcribe"
  production_variants {
    model_name             = aws_sagemaker_model.transcribe.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 1
  }
  async_inference_config {
    output_config {
      s3_output_path = local.async_output.path
      kms_key_id     = local.async_output.key
    }
  }
}
