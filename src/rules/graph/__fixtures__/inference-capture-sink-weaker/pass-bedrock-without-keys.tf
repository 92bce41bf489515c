# No Bedrock resource of the scan names a customer managed key: nothing for the log to be weaker than.
resource "aws_bedrock_guardrail" "chat" {
  name                      = "chat"
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

resource "aws_s3_bucket" "invocations" {
  bucket = "acme-bedrock-invocations"
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.invocations.id
    }
  }
}
