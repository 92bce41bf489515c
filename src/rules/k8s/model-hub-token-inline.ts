import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { isPlaceholder } from './secret-literal-in-env.js';

/** Model-hub, registry and ML-platform credentials, by the variable their clients read. */
const HUB_TOKENS: ReadonlyMap<string, string> = new Map([
  ['HF_TOKEN', 'Hugging Face Hub'],
  ['HUGGING_FACE_HUB_TOKEN', 'Hugging Face Hub'],
  ['NGC_API_KEY', 'NVIDIA NGC'],
  ['OPENAI_API_KEY', 'OpenAI'],
  ['WANDB_API_KEY', 'Weights & Biases'],
  ['MLFLOW_TRACKING_PASSWORD', 'MLflow tracking server'],
  ['MLFLOW_FLASK_SERVER_SECRET_KEY', 'MLflow server session signing'],
  ['RAY_AUTH_TOKEN', 'Ray cluster'],
]);

/** Text that is not a credential: `$(VAR)` expansion, a file path, a switch word. */
function notAToken(value: string): boolean {
  return value.includes('$(') || /^(\/|\.\/|~\/)\S*$/.test(value) || /^(true|false|yes|no|on|off|none|null)$/i.test(value);
}

export const modelHubTokenInline = defineRule({
  meta: {
    id: 'IG-K8S-013',
    name: 'model-hub-token-inline',
    title: 'Model-hub / registry tokens inline in manifests',
    severity: 'high',
    rationale:
      "Model-hub and ML-platform tokens are the keys to the model supply chain: a Hugging Face token often has write access to the organisation's model repositories, an NGC key pulls (and with the right role pushes) private containers and models, W&B and MLflow credentials reach the experiment and model registry. The ShadowRay campaign harvested such tokens from compromised Ray clusters to replace models. Written as a literal `env` value or in a ConfigMap, the token is stored unencrypted in etcd, shown to anyone who can read pods or ConfigMaps, and kept in Git, Helm history and CI logs.\n\nThis rule replaces IG-K8S-117 (secret-literal-in-env) on the same value. It owns the hub and registry tokens (`HF_TOKEN`, `HUGGING_FACE_HUB_TOKEN`, `NGC_API_KEY`, `OPENAI_API_KEY`, `WANDB_API_KEY`, MLflow and Ray credentials) and also replaces IG-ML-026 (inference API key in plain text) where that rule flags `HF_TOKEN` or `NGC_API_KEY`; IG-ML-026 owns the keys that protect an inference API (`VLLM_API_KEY`, `API_KEY`, `--api-key`) and does not replace this rule.",
    remediation:
      'Put the token in a Secret (or an external secret store synced by External Secrets / the Secrets Store CSI driver) and reference it with `valueFrom.secretKeyRef`, or mount it as a file (`HF_TOKEN_PATH`). Use read-only, fine-grained tokens scoped to the models the server loads, and rotate any token that was committed.',
    references: [
      'https://docs.nvidia.com/nim/large-language-models/latest/deployment/kubernetes-deployment/helm-k8s.html',
      'https://huggingface.co/docs/hub/security-tokens',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0055'], cis: ['5.4.1', '5.4.2'], nist: ['IA-5', 'SC-28'] },
    targets: ['k8s:Workload', 'k8s:ConfigMap'],
    fix: 'none',
    sensitiveSource: true,
    supersedes: ['IG-K8S-117', 'IG-ML-026'],
    messages: {
      literalToken: "Env var '{{env}}' of container '{{container}}' holds a {{hub}} token inline: anyone who can read the pod spec can use it against the model hub.",
      placeholderToken:
        "Env var '{{env}}' of container '{{container}}' takes its {{hub}} token inline (the value is a placeholder): whoever fills it in writes the token into the manifest.",
      configMapToken: "ConfigMap '{{configMap}}' holds a {{hub}} token under '{{env}}': ConfigMaps are not secret, and anyone who can read them can use it.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      env:
        - name: HF_TOKEN
          value: hf_kQzR7mN2pLx9vB4tY8wE1cJ5
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      env:
        - name: HF_TOKEN
          valueFrom:
            secretKeyRef: { name: hf-token, key: token }
`,
    },
  },
  create(context) {
    const tokenValue = (node: Node): string | undefined => {
      const value = node.str()?.trim();
      return value === undefined || value === '' || notAToken(value) ? undefined : value;
    };
    return {
      container(container) {
        for (const item of container.node.get('env').items()) {
          const name = item.get('name').str();
          const hub = name === undefined ? undefined : HUB_TOKENS.get(name);
          const valueNode = item.get('value');
          const value = tokenValue(valueNode);
          if (name === undefined || hub === undefined || value === undefined) continue;
          // The message never quotes the value: findings end up in CI logs and SARIF uploads.
          context.report({
            messageId: isPlaceholder(value) ? 'placeholderToken' : 'literalToken',
            data: { env: name, container: container.name || '(unnamed)', hub },
            at: valueNode,
            severity: isPlaceholder(value) ? 'medium' : 'high',
          });
        }
      },
      object(object) {
        if (object.group !== '' || object.kind !== 'ConfigMap') return;
        for (const [key, node] of object.root.get('data').entries()) {
          const hub = HUB_TOKENS.get(key);
          const value = tokenValue(node);
          if (hub === undefined || value === undefined) continue;
          context.report({ messageId: 'configMapToken', data: { configMap: object.name ?? '(unnamed)', env: key, hub }, at: node, severity: isPlaceholder(value) ? 'medium' : 'high' });
        }
      },
    };
  },
});
