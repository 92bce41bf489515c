variable "capture" {
  type    = bool
  default = true
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "llm-chat"
  production_variants {
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://${aws_s3_bucket.capture.bucket}/chat"
    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "from_variable" {
  name = "llm-summarize"
  production_variants {
    model_name             = aws_sagemaker_model.summarize.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = var.capture
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://inference-capture/summarize"
    kms_key_id                  = null
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}
