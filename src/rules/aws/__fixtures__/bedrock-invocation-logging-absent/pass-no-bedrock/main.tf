# A SageMaker endpoint and the Bedrock foundation model list: no Bedrock resource is managed here.
data "aws_bedrock_foundation_models" "all" {}

resource "aws_sagemaker_endpoint" "chat" {
  name                 = "chat"
  endpoint_config_name = "chat"
}
