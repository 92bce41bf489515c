variable "instance_type" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

resource "aws_sagemaker_endpoint_configuration" "with_key" {
  name        = "fraud-scorer"
  kms_key_arn = aws_kms_key.endpoint.arn
  production_variants {
    model_name             = aws_sagemaker_model.scorer.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }
}

# The key is decided by the caller: unknown, nothing fires.
resource "aws_sagemaker_endpoint_configuration" "caller_key" {
  name        = "ranker"
  kms_key_arn = var.kms_key_arn
  production_variants {
    model_name             = aws_sagemaker_model.ranker.name
    instance_type          = "ml.m5.large"
    initial_instance_count = 1
  }
}

# ml.g5 has local NVMe storage, encrypted in hardware: SageMaker rejects a key for it.
resource "aws_sagemaker_endpoint_configuration" "local_nvme" {
  name = "llm-chat"
  production_variants {
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.12xlarge"
    initial_instance_count = 1
  }
}

# One variant on an instance type with local storage: no key can be set on the configuration.
resource "aws_sagemaker_endpoint_configuration" "mixed" {
  name = "embeddings"
  production_variants {
    variant_name           = "cpu"
    model_name             = aws_sagemaker_model.embed.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1
  }
  production_variants {
    variant_name           = "gpu"
    model_name             = aws_sagemaker_model.embed.name
    instance_type          = "ml.g4dn.xlarge"
    initial_instance_count = 1
  }
}

# Instance type from an unresolved variable, and a serverless variant: not judged.
resource "aws_sagemaker_endpoint_configuration" "caller_instance" {
  name = "classifier"
  production_variants {
    model_name             = aws_sagemaker_model.classifier.name
    instance_type          = var.instance_type
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint_configuration" "serverless" {
  name = "sentiment"
  production_variants {
    model_name = aws_sagemaker_model.sentiment.name
    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}
