import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';
import { isPlaceholder } from '../k8s/secret-literal-in-env.js';

/** Variables the servers read their API key (or their hub credential) from. */
const KEY_ENV = ['VLLM_API_KEY', 'API_KEY', 'NGC_API_KEY', 'HF_TOKEN'];

/** Text that is not the key itself: a reference to another variable, a file path, an empty value. */
function notAKey(value: string): boolean {
  return value === '' || value.includes('$(') || /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value) || /^(\/|\.\/|~\/)\S*$/.test(value);
}

export const inferenceApiKeyInline = defineRule({
  meta: {
    id: 'IG-ML-026',
    name: 'inference-api-key-inline',
    title: 'Inference API key in plain manifest text',
    severity: 'medium',
    rationale:
      "The API key is the only authentication vLLM (`--api-key` / `VLLM_API_KEY`) and TGI (`--api-key` / `API_KEY`) have. Written as a command-line argument or a literal env value it is stored unencrypted in etcd, shown to anyone who can read the pod or the Deployment (and, for arguments, in the process list of the node), and kept in Git and Helm history: anyone with read access to the manifests can call the model as a client, and rotating it means a new rollout.\n\nThis rule replaces IG-K8S-117 (secret-literal-in-env) on the same env value. `HF_TOKEN` and `NGC_API_KEY` are hub credentials: IG-K8S-013 (model-hub-token-inline) replaces this rule on them.",
    remediation:
      'Keep the key in a Secret and reference it with `valueFrom.secretKeyRef` (vLLM reads `VLLM_API_KEY`, TGI `API_KEY`), or pass `--api-key $(VLLM_API_KEY)` expanded from that Secret-backed variable. Rotate any key that was committed.',
    references: ['https://docs.vllm.ai/en/stable/usage/security/', 'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md'],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0055'], cis: ['5.4.1'], nist: ['IA-5', 'SC-28'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    sensitiveSource: true,
    supersedes: ['IG-K8S-117'],
    messages: {
      literalArgument: "Container '{{container}}' ({{server}}) passes its API key as a literal {{flag}} argument: anyone who can read the pod spec can call the model.",
      literalEnv: "Env var '{{env}}' of container '{{container}}' ({{server}}) holds its API key inline: anyone who can read the pod spec can use it.",
      placeholderKey: "Container '{{container}}' ({{server}}) takes its API key inline in {{where}} (the value is a placeholder): whoever fills it in writes the key into the manifest.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama", "--api-key", "sk-prod-9f8e7d6c5b4a"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama"]
      env:
        - name: VLLM_API_KEY
          valueFrom:
            secretKeyRef: { name: vllm-api-key, key: key }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        const base = { container: container.name || '(unnamed)', server: server.info.title };
        for (const flag of server.settings({ flags: flagSpellings('--api-key') })) {
          // The word as written: `$(VLLM_API_KEY)` expanded by the kubelet is a reference, not the key.
          const written = flag.node.str() ?? '';
          if (typeof flag.value !== 'string' || notAKey(flag.value.trim()) || written.includes('$(')) continue;
          const placeholder = isPlaceholder(flag.value.trim());
          context.report({ messageId: placeholder ? 'placeholderKey' : 'literalArgument', data: { ...base, flag: flag.name, where: `the ${flag.name} argument` }, at: flag.node });
        }
        for (const item of container.node.get('env').items()) {
          const name = item.get('name').str();
          const valueNode = item.get('value');
          const value = valueNode.str()?.trim();
          if (name === undefined || !KEY_ENV.includes(name) || value === undefined || notAKey(value)) continue;
          if (/^(true|false|yes|no|on|off|none|null)$/i.test(value)) continue;
          const placeholder = isPlaceholder(value);
          // The message never quotes the value: findings end up in CI logs and SARIF uploads.
          context.report({ messageId: placeholder ? 'placeholderKey' : 'literalEnv', data: { ...base, env: name, where: `env ${name}` }, at: valueNode });
        }
      },
    };
  },
});
