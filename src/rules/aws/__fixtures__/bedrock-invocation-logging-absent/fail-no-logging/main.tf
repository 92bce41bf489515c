resource "aws_bedrock_guardrail" "chat" {
  name                      = "support-chat"
  blocked_input_messaging   = "This request was blocked."
  blocked_outputs_messaging = "This response was blocked."
  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
  }
}

module "agents" {
  source        = "./modules/agents"
  foundation_id = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}
