variable "capture_key" {
  type = string
}

variable "enable_capture" {
  type = bool
}

resource "aws_sagemaker_endpoint_configuration" "with_key" {
  name = "llm-chat"
  production_variants {
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://inference-capture/chat"
    kms_key_id                  = aws_kms_key.capture.arn
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "caller_key" {
  name = "llm-summarize"
  production_variants {
    model_name             = aws_sagemaker_model.summarize.name
    instance_type          = "ml.g5.2xlarge"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://inference-capture/summarize"
    kms_key_id                  = var.capture_key
    capture_options {
      capture_mode = "InputAndOutput"
    }
  }
}

# enable_capture defaults to false, and an unresolved variable is no evidence.
resource "aws_sagemaker_endpoint_configuration" "capture_off" {
  name = "ranker"
  production_variants {
    model_name             = aws_sagemaker_model.ranker.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
  data_capture_config {
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://inference-capture/ranker"
    capture_options {
      capture_mode = "Input"
    }
  }
}

resource "aws_sagemaker_endpoint_configuration" "caller_capture" {
  name = "classifier"
  production_variants {
    model_name             = aws_sagemaker_model.classifier.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
  data_capture_config {
    enable_capture              = var.enable_capture
    initial_sampling_percentage = 20
    destination_s3_uri          = "s3://inference-capture/classifier"
    capture_options {
      capture_mode = "Input"
    }
  }
}
