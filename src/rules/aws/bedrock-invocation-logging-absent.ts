import type { TfResource } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

const LOGGING = 'aws_bedrock_model_invocation_logging_configuration';

/** Bedrock resources of every family: `aws_bedrock_*` and `aws_bedrockagent_*`. */
function isBedrockResource(resource: TfResource): boolean {
  return resource.mode === 'managed' && resource.resourceType.startsWith('aws_bedrock') && resource.resourceType !== LOGGING;
}

export const bedrockInvocationLoggingAbsent = defineRule({
  meta: {
    id: 'IG-AWS-015',
    name: 'bedrock-invocation-logging-absent',
    title: 'Bedrock model invocations not logged',
    severity: 'medium',
    rationale:
      "Amazon Bedrock keeps no record of prompts and completions unless model invocation logging is configured for the account and region (`aws_bedrock_model_invocation_logging_configuration`). CloudTrail shows that `InvokeModel` was called, not what was asked or answered: after a leaked key, a prompt-injection incident or a data-leak report there is nothing to investigate.\n\nHow the rule decides: it looks at everything scanned together. It fires when the scan holds at least one `aws_bedrock*` / `aws_bedrockagent*` resource and no `aws_bedrock_model_invocation_logging_configuration` anywhere (any module, any configuration), and every module call was expanded: a remote module that was not downloaded might configure it. Logging is an account-and-region setting that platform teams often manage in a separate landing-zone configuration; when it is configured there (or outside Terraform), suppress this finding with that reason.",
    remediation:
      'Add one `aws_bedrock_model_invocation_logging_configuration` per account and region, with `logging_config` delivering to a CloudWatch log group (`cloudwatch_config`) and/or an S3 bucket (`s3_config`) that is KMS-encrypted, private and retained for your investigation window. Restrict who can read the logs: they contain the prompts.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrock_model_invocation_logging_configuration',
      'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
    ],
    mappings: { stride: ['R'], atlas: ['AML.T0034', 'AML.T0057'], nist: ['AU-2', 'AU-12'] },
    targets: ['tf:aws_bedrock*', `tf:${LOGGING}`],
    fix: 'none',
    messages: {
      notConfigured:
        "Bedrock is used here ('{{address}}'{{others}}) but no `aws_bedrock_model_invocation_logging_configuration` is in the scanned Terraform: prompts and responses are not logged unless another configuration sets it for this account and region.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_bedrock_guardrail" "chat" {
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
`,
      good: `resource "aws_bedrock_guardrail" "chat" {
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

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    text_data_delivery_enabled = true
    cloudwatch_config {
      log_group_name = "/bedrock/invocations"
      role_arn       = "arn:aws:iam::123456789012:role/bedrock-logging"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const { terraform } = context;
        const bedrock = terraform.resources.filter(isBedrockResource);
        const [first] = bedrock;
        if (first === undefined) return;
        if (terraform.resources.some((resource) => resource.resourceType === LOGGING && resource.mode === 'managed')) return;
        // A module the scan could not read may hold the logging configuration.
        if (terraform.notices.some((notice) => notice.code === 'module-not-expanded')) return;
        const others = bedrock.length > 1 ? ` and ${bedrock.length - 1} more` : '';
        context.report({ messageId: 'notConfigured', data: { address: first.address, others }, at: first, object: first });
      },
    };
  },
});
