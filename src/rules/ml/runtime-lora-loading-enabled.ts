import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings, isCommitSha, isEnabledValue } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';

/** A TGI adapter entry that is not a Hub id pinned to a commit: `org/adapter`, `name=org/adapter`, `org/adapter@main`. */
function unpinnedHubAdapter(entry: string): boolean {
  const target = entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : entry;
  const text = target.trim();
  if (text === '' || /^(\/|\.{1,2}\/|~\/)/.test(text) || /[$`{}]/.test(text)) return false;
  const [id, revision] = text.split('@');
  if (!/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(id ?? '')) return false;
  return !isCommitSha(revision);
}

export const runtimeLoraLoadingEnabled = defineRule({
  meta: {
    id: 'IG-ML-025',
    name: 'runtime-lora-loading-enabled',
    title: 'Runtime LoRA adapter loading enabled',
    severity: 'high',
    rationale:
      "A LoRA adapter changes what the model says. With `--enable-lora` and `VLLM_ALLOW_RUNTIME_LORA_UPDATING=True`, vLLM serves `/v1/load_lora_adapter` and `/v1/unload_lora_adapter`: whoever reaches the API (with the API key, if one is set) can load an adapter from a path or repository of their choice and have it answer other users' requests (backdoored answers, poisoned tool calls), or unload the ones in use. TGI's `--lora-adapters` loads adapters from the Hugging Face Hub at start; an unpinned Hub id means the adapter's owner can change production behaviour at the next restart.",
    remediation:
      'Load adapters at start only, from reviewed local paths or storage you control (vLLM `--lora-modules name=/path`), and leave `VLLM_ALLOW_RUNTIME_LORA_UPDATING` unset. For TGI, mirror adapters to a local path (`name=/data/adapters/x`) or pin each to a commit.',
    references: ['https://docs.vllm.ai/en/stable/usage/security/', 'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md'],
    mappings: { stride: ['T'], atlas: ['AML.T0018.000'], owasp: ['ML10', 'LLM04'], nist: ['SI-7', 'CM-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      runtimeUpdates:
        "Container '{{container}}' (vLLM) sets {{setting}} with {{lora}}: API callers can load and unload LoRA adapters at runtime and change what the model answers.",
      unpinnedAdapters:
        "Container '{{container}}' (Hugging Face Text Generation Inference) loads LoRA adapters from the Hugging Face Hub without a commit pin ({{adapters}}): the adapters' owners decide what the model answers after the next restart.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama", "--enable-lora"]
      env:
        - name: VLLM_ALLOW_RUNTIME_LORA_UPDATING
          value: "True"
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama", "--enable-lora", "--lora-modules", "support=/models/adapters/support"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        const name = container.name || '(unnamed)';
        if (server?.kind === 'vllm') {
          const lora = server.setting({ flags: flagSpellings('--enable-lora'), switch: true });
          const runtime = server.setting({ env: ['VLLM_ALLOW_RUNTIME_LORA_UPDATING'] });
          if (!lora || !isEnabledValue(lora.value) || !runtime || !isEnabledValue(runtime.value)) return;
          context.report({
            messageId: 'runtimeUpdates',
            data: { container: name, setting: `${runtime.description}=${String(runtime.value)}`, lora: lora.description },
            at: runtime.node,
            related: [{ at: lora.node, message: lora.description }],
          });
        } else if (server?.kind === 'tgi') {
          for (const setting of server.settings({ flags: ['--lora-adapters'], env: ['LORA_ADAPTERS'] }).slice(0, 1)) {
            if (typeof setting.value !== 'string') continue;
            const unpinned = setting.value.split(',').map((entry) => entry.trim()).filter(unpinnedHubAdapter);
            if (unpinned.length === 0) continue;
            context.report({ messageId: 'unpinnedAdapters', data: { container: name, adapters: unpinned.join(', ') }, at: setting.node });
          }
        }
      },
    };
  },
});
