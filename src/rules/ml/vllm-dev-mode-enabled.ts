import { modelServerFacts } from '../../model/ml/model-server.js';
import { defineRule } from '../define-rule.js';

/** vLLM reads it as an integer (`bool(int(...))`); `true` is accepted here too since the intent is plain. */
function enabled(value: string | true | undefined): boolean {
  return typeof value === 'string' && (/^\s*-?\d+\s*$/.test(value) ? Number(value) !== 0 : /^\s*true\s*$/i.test(value));
}

export const vllmDevModeEnabled = defineRule({
  meta: {
    id: 'IG-ML-022',
    name: 'vllm-dev-mode-enabled',
    title: 'vLLM development mode enabled',
    severity: 'critical',
    rationale:
      "`VLLM_SERVER_DEV_MODE=1` adds development endpoints to the API port, none of them behind `--api-key`: `/collective_rpc` runs arbitrary RPC methods on the engine (the vLLM security page calls it extremely dangerous), `/sleep` and the cache resets take the model out of service, `/server_info` discloses the configuration. Anyone who reaches the port can take over or stop the model server.",
    remediation: 'Remove `VLLM_SERVER_DEV_MODE` from every non-development overlay and values file (or set it to `0`). If you need sleep / wake-up for RL training, run that server on an isolated network, never behind a shared Service or Ingress.',
    references: ['https://docs.vllm.ai/en/stable/usage/security/'],
    mappings: { stride: ['E', 'D'], atlas: ['AML.T0050', 'AML.T0029'], nist: ['CM-7', 'CM-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      devMode:
        "Container '{{container}}' (vLLM) sets {{setting}}: /collective_rpc, /sleep and the cache resets are served on the API port without authentication.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      env:
        - name: VLLM_SERVER_DEV_MODE
          value: "1"
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      env:
        - name: VLLM_SERVER_DEV_MODE
          value: "0"
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'vllm') return;
        const setting = server.setting({ env: ['VLLM_SERVER_DEV_MODE'] });
        if (!setting || !enabled(setting.value)) return;
        context.report({ messageId: 'devMode', data: { container: container.name || '(unnamed)', setting: `${setting.description}=${String(setting.value)}` }, at: setting.node });
      },
    };
  },
});
