import { modelServerFacts } from '../../model/ml/model-server.js';
import { isEnabledValue } from '../../model/ml/serving-options.js';
import { torchServeModelApi, torchServeReadsEnv, torchServeSetting } from '../../model/ml/torchserve.js';
import { defineRule } from '../define-rule.js';

// `.*`, `.+`, or any http(s) host: `http(s)?://.*`, `https://.*`, `^https?://.+`.
const ANY_URL = /^\^?(\.[*+]|[a-z()?|]*https?[a-z()?|]*:\/\/\.[*+])/i;

export const torchserveModelUrlUnrestricted = defineRule({
  meta: {
    id: 'IG-ML-002',
    name: 'torchserve-model-url-unrestricted',
    title: 'TorchServe accepts models from any URL',
    severity: 'critical',
    rationale:
      "A TorchServe model archive (`.mar`) carries a Python handler that the server runs. `allowed_urls` is the only check on where `POST /models?url=…` may fetch an archive from, and its default allows every http(s) URL and every local file. Whoever reaches the management API can then make the server fetch from internal addresses (SSRF) and load an archive of their own: code execution in the model pod (ShellTorch, CVE-2023-43654). The risk is critical when the model register API is on (`--enable-model-api`, `enable_model_api=true`, or any release before 0.11 where it is on by default); otherwise the permissive allowlist waits for the API to be turned on.",
    remediation:
      'Set `allowed_urls` in config.properties to anchored patterns for your own model bucket or registry only, over https (`allowed_urls=https://models\\.example\\.com/.*`). To supply it from the environment, set `use_env_allowed_urls=true` and `TS_ALLOWED_URLS`. Keep the model API off in serving (bake models into the model store).',
    references: ['https://github.com/advisories/GHSA-8fxr-qfr9-p34w', 'https://github.com/pytorch/serve/blob/master/docs/configuration.md', 'https://github.com/pytorch/serve/blob/master/docs/Security.md'],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0010.003', 'AML.T0011.000', 'AML.T0049'], owasp: ['ML06'], nist: ['SI-7', 'SR-4', 'SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      absent: "Container '{{container}}' (TorchServe) reads {{file}} without `allowed_urls`: models can be registered from any http(s) URL{{api}}.",
      anyUrl: "Container '{{container}}' (TorchServe) sets {{setting}}={{value}}: models can be registered from any http(s) URL{{api}}.",
      cleartext: "Container '{{container}}' (TorchServe) sets {{setting}}={{value}}: model archives are fetched over plain http, where anyone on the path can swap them{{api}}.",
    },
    examples: {
      bad: `apiVersion: v1
kind: ConfigMap
metadata: { name: ts-config, namespace: serving }
data:
  config.properties: |
    inference_address=http://0.0.0.0:8080
    enable_model_api=true
    allowed_urls=http(s)?://.*
---
apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--ts-config", "/config/config.properties"]
      volumeMounts: [{ name: config, mountPath: /config }]
  volumes: [{ name: config, configMap: { name: ts-config } }]
`,
      good: `apiVersion: v1
kind: ConfigMap
metadata: { name: ts-config, namespace: serving }
data:
  config.properties: |
    inference_address=http://0.0.0.0:8080
    allowed_urls=https://models\\\\.example\\\\.com/.*
---
apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--ts-config", "/config/config.properties"]
      volumeMounts: [{ name: config, mountPath: /config }]
  volumes: [{ name: config, configMap: { name: ts-config } }]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'torchserve') return;
        const name = container.name || '(unnamed)';
        const modelApi = torchServeModelApi(server);
        const severity = modelApi.enabled ? 'critical' : 'medium';
        const api = modelApi.enabled ? (modelApi.setting ? `, and the model API is on (${modelApi.setting.description})` : ', and the model API is on by default before 0.11') : '';
        const envEnabled = torchServeReadsEnv(server) || isEnabledValue(server.setting({ config: ['use_env_allowed_urls'] })?.value);
        const setting = torchServeSetting(server, { key: 'allowed_urls', envEnabled });
        if (!setting) {
          const file = server.configFile;
          if (file) context.report({ messageId: 'absent', data: { container: name, file: `${file.path} (ConfigMap ${file.configMap.name})`, api }, at: file.node, severity });
          return;
        }
        if (typeof setting.value !== 'string') return;
        const patterns = setting.value.split(',').flatMap((part) => part.split('|')).map((part) => part.trim()).filter((part) => part !== '');
        const data = { container: name, setting: setting.description, value: setting.value.trim(), api };
        if (patterns.some((pattern) => ANY_URL.test(pattern))) context.report({ messageId: 'anyUrl', data, at: setting.node, severity });
        else if (patterns.some((pattern) => /^\^?http:\/\//i.test(pattern))) context.report({ messageId: 'cleartext', data, at: setting.node, severity });
      },
    };
  },
});
