import type { Node } from '../../model/value.js';
import { isCommitSha, isEnabledValue, modelReferenceKind } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';
import { isPlaceholder, secretLikeName } from '../k8s/secret-literal-in-env.js';

/** Credentials the Hugging Face containers read that the generic name patterns would miss. */
const HUB_TOKENS = new Set(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_API_TOKEN']);

/** The Hugging Face LLM (TGI) and LMI containers' SageMaker variables: trust flag, revision pins. */
const TRUST = 'HF_MODEL_TRUST_REMOTE_CODE';
const REVISIONS = ['HF_MODEL_REVISION', 'HF_REVISION'];

/** Text that is not a credential: a path, a switch word, a number. */
function notASecret(value: string): boolean {
  return /^(\/|\.\/|~\/)\S*$/.test(value) || /^(true|false|yes|no|on|off|none|null|enabled|disabled)$/i.test(value) || /^\d+$/.test(value);
}

function isSecretEntry(name: string, value: Node): boolean {
  if (!HUB_TOKENS.has(name.toUpperCase()) && secretLikeName(name) === undefined) return false;
  const text = value.str()?.trim();
  return text !== undefined && text !== '' && !notASecret(text) && !isPlaceholder(text);
}

/** A switch value in an environment map: the string `"true"`, or a bool the provider turns into one. */
function isOn(value: Node): boolean {
  if (value.isTrue()) return true;
  const text = value.str();
  return text !== undefined && isEnabledValue(text);
}

export const sagemakerEnvSecretOrRemoteCode = defineRule({
  meta: {
    id: 'IG-AWS-007',
    name: 'sagemaker-env-secret-or-remote-code',
    title: 'Secrets or remote-code trust in SageMaker container environment',
    severity: 'high',
    rationale:
      "The `environment` of a SageMaker model container is not secret: `DescribeModel` returns it to anyone with that read permission, and it sits in the Terraform state and plan output. A Hugging Face token, API key or password written there is readable by everyone who can describe models in the account; a Hub token often has write access to the organisation's model repositories.\n\n`HF_MODEL_TRUST_REMOTE_CODE=true` makes the Hugging Face LLM (TGI) and LMI containers import and run the Python code shipped with the model. With a Hub model id and no `HF_MODEL_REVISION` / `HF_REVISION` pinned to a commit, every new instance (scale-out, replacement) downloads whatever the repository holds at that moment: whoever can push to it, or takes it over, runs code in the endpoint with its execution role.",
    remediation:
      'Keep secrets out of `environment`: store them in Secrets Manager and read them at start-up with the execution role (`secretsmanager:GetSecretValue` on that one secret). Prefer models that need no custom code; otherwise pin `HF_MODEL_REVISION` (TGI) or `HF_REVISION` (LMI) to a reviewed 40-character commit, or stage the reviewed model in S3 (`model_data_url`) and serve it from there.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model',
      'https://github.com/huggingface/text-generation-inference/blob/main/sagemaker-entrypoint.sh',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0055', 'AML.T0010.003'], owasp: ['LLM03'], nist: ['IA-5', 'SR-4'] },
    targets: ['tf:aws_sagemaker_model'],
    fix: 'none',
    sensitiveSource: true,
    messages: {
      secretInEnv: "SageMaker model '{{address}}' has a literal secret in `{{variable}}` of its {{container}} environment: DescribeModel shows it to anyone allowed to describe models.",
      trustUnpinned: "SageMaker model '{{address}}' trusts remote code of Hub model '{{model}}' ({{container}}) without a pinned revision: each new instance runs whatever code the repository holds then.",
      trustBranchPinned: "SageMaker model '{{address}}' trusts remote code of Hub model '{{model}}' ({{container}}) with `{{variable}}` naming a branch or tag, not a commit: the code can change under it.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_sagemaker_model" "chat" {
  name               = "llm-chat"
  execution_role_arn = "arn:aws:iam::123456789012:role/llm-chat"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID                = "acme-labs/chat-7b"
      HF_MODEL_TRUST_REMOTE_CODE = "true"
      HUGGING_FACE_HUB_TOKEN     = "hf_kQzR7mN2pLx9vB4tY8wE1cJ5"
    }
  }
}
`,
      good: `resource "aws_sagemaker_model" "chat" {
  name               = "llm-chat"
  execution_role_arn = "arn:aws:iam::123456789012:role/llm-chat"
  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID                = "acme-labs/chat-7b"
      HF_MODEL_REVISION          = "3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345"
      HF_MODEL_TRUST_REMOTE_CODE = "true"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_sagemaker_model' || resource.mode !== 'managed') return;
        const containers = [
          ...resource.root.get('primary_container').items().map((node) => ({ node, label: 'primary container' })),
          ...resource.root.get('container').items().map((node, index) => ({ node, label: `container #${index + 1}` })),
        ];
        for (const { node, label } of containers) {
          const environment = node.get('environment');
          for (const [name, value] of environment.entries()) {
            // The message never quotes the value: findings end up in CI logs and SARIF uploads.
            if (isSecretEntry(name, value)) context.report({ messageId: 'secretInEnv', data: { address: resource.address, variable: name, container: label }, at: value });
          }
          const trust = environment.get(TRUST);
          if (!isOn(trust)) continue;
          // Only a Hub model is fetched at start-up; a local path or S3 artifact runs what was staged.
          const model = environment.get('HF_MODEL_ID').str();
          if (model === undefined || modelReferenceKind(model) !== 'hub') continue;
          const pins = REVISIONS.map((variable) => ({ variable, node: environment.get(variable) })).filter((pin) => pin.node.isWritten());
          if (pins.some((pin) => pin.node.state === 'unknown' || isCommitSha(pin.node.str()))) continue;
          const pin = pins[0];
          if (pin === undefined) {
            context.report({ messageId: 'trustUnpinned', data: { address: resource.address, model, container: label }, at: trust });
            continue;
          }
          context.report({ messageId: 'trustBranchPinned', data: { address: resource.address, model, container: label, variable: pin.variable }, at: pin.node, related: [{ at: trust, message: `${TRUST} trusts the model's code` }] });
        }
      },
    };
  },
});
