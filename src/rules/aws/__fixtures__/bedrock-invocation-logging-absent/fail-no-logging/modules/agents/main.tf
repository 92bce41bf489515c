variable "foundation_id" {
  type = string
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/bedrock-agent"
  foundation_model        = var.foundation_id
  instruction             = "Answer customer questions about orders using the order tools only."
}
