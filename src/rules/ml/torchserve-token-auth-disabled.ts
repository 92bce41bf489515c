import { modelServerFacts } from '../../model/ml/model-server.js';
import { isEnabledValue } from '../../model/ml/serving-options.js';
import { torchServeSetting } from '../../model/ml/torchserve.js';
import { defineRule } from '../define-rule.js';

export const torchserveTokenAuthDisabled = defineRule({
  meta: {
    id: 'IG-ML-003',
    name: 'torchserve-token-auth-disabled',
    title: 'TorchServe token authorization disabled',
    severity: 'high',
    rationale:
      'From 0.11 TorchServe requires a bearer token on its inference and management APIs and writes the keys to `key_file.json` at start. Turning that off makes every API anonymous: anyone who reaches the pod can query, scale, unregister and (with the model API on) register models, which runs their code in the pod.',
    remediation:
      'Remove `--disable-token-auth`, `disable_token_authorization=true` and `TS_DISABLE_TOKEN_AUTHORIZATION=true`. Keep the generated key file in a Secret-backed volume and hand the inference key to the clients that need it.',
    references: ['https://github.com/pytorch/serve/blob/master/docs/token_authorization_api.md'],
    mappings: { stride: ['S', 'E'], atlas: ['AML.T0012', 'AML.T0040'], owasp: ['ML05'], nist: ['IA-2', 'IA-9', 'AC-3'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      disabled: "Container '{{container}}' (TorchServe) sets {{setting}}: every TorchServe API answers without a token.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--model-store", "/models", "--disable-token-auth"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--model-store", "/models"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'torchserve') return;
        const setting = torchServeSetting(server, { key: 'disable_token_authorization', flag: '--disable-token-auth' });
        if (!setting || !isEnabledValue(setting.value)) return;
        const written = setting.value === true ? setting.description : `${setting.description}=${setting.value}`;
        context.report({ messageId: 'disabled', data: { container: container.name || '(unnamed)', setting: written }, at: setting.node });
      },
    };
  },
});
