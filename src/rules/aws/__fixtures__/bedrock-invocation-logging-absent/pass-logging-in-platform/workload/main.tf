resource "aws_bedrock_provisioned_model_throughput" "chat" {
  provisioned_model_name = "support-chat"
  model_arn              = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"
  model_units            = 1
  commitment_duration    = "OneMonth"
}
