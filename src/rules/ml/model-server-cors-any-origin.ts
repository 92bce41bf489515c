import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings, isEnabledValue } from '../../model/ml/serving-options.js';
import type { Setting } from '../../model/ml/settings.js';
import { torchServeSetting } from '../../model/ml/torchserve.js';
import { defineRule } from '../define-rule.js';

/** `*`, `"*"`, `["*"]`, `a,*`: the origins of a list as written, quotes and brackets dropped. */
function origins(value: string): string[] {
  return value
    .replace(/[[\]]/g, '')
    .split(/[,\s]+/)
    .map((origin) => origin.replace(/^['"]|['"]$/g, '').trim())
    .filter((origin) => origin !== '');
}

/** Any web origin: `*`, or Ollama's `http://*` / `https://*`. */
function allowsAnyOrigin(setting: Setting | undefined, schemePatterns = false): setting is Setting & { value: string } {
  if (typeof setting?.value !== 'string') return false;
  return origins(setting.value).some((origin) => origin === '*' || (schemePatterns && /^https?:\/\/\*$/i.test(origin)));
}

function written(setting: Setting): string {
  return setting.value === true || setting.source === 'argument' ? setting.description : `${setting.description}=${String(setting.value)}`;
}

export const modelServerCorsAnyOrigin = defineRule({
  meta: {
    id: 'IG-ML-007',
    name: 'model-server-cors-any-origin',
    title: 'Model-server CORS allows any origin',
    severity: 'medium',
    rationale:
      "A CORS policy that allows every origin lets any web page a user opens call the model server from the user's browser, and read the answers: a drive-by page (or a DNS-rebinding one) reaches servers that are only reachable from inside the network, queries models, reads prompts and outputs, and with admin APIs (TorchServe management, MLflow) changes them. vLLM allows every origin by default; with `--allow-credentials` as well, the browser also sends the user's cookies and authorization.",
    remediation:
      'List the UI origins that need the API explicitly: TorchServe `cors_allowed_origin=https://ui.example.com`, TGI `--cors-allow-origin https://ui.example.com`, vLLM `--allowed-origins \'["https://ui.example.com"]\'` (and drop `--allow-credentials` unless needed), Ollama `OLLAMA_ORIGINS=https://ui.example.com`, MLflow `--cors-allowed-origins https://ui.example.com`.',
    references: [
      'https://mlflow.org/docs/latest/ml/tracking/server/security/configuration',
      'https://github.com/pytorch/serve/blob/master/docs/configuration.md',
      'https://huggingface.co/docs/text-generation-inference/reference/launcher',
      'https://docs.vllm.ai/en/stable/cli/serve.html',
      'https://docs.ollama.com/faq',
    ],
    mappings: { stride: ['S', 'I'], atlas: ['AML.T0078', 'AML.T0049'], nist: ['AC-4', 'SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      anyOrigin: "Container '{{container}}' ({{server}}) sets {{setting}}: any web page can call the server from a user's browser and read the answers.",
      anyOriginWithCredentials: "Container '{{container}}' (vLLM) sets {{credentials}} and allows any origin ({{origins}}): any web page can call the server with the user's credentials and read the answers.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.17.1
      env:
        - name: OLLAMA_ORIGINS
          value: "*"
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.17.1
      env:
        - name: OLLAMA_ORIGINS
          value: https://chat.example.com
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        const name = container.name || '(unnamed)';
        const report = (setting: Setting): void => context.report({ messageId: 'anyOrigin', data: { container: name, server: server.info.title, setting: written(setting) }, at: setting.node });
        switch (server.kind) {
          case 'torchserve': {
            const setting = torchServeSetting(server, { key: 'cors_allowed_origin' });
            if (allowsAnyOrigin(setting)) report(setting);
            break;
          }
          case 'tgi': {
            const setting = server.setting({ flags: ['--cors-allow-origin'], env: ['CORS_ALLOW_ORIGIN'] });
            if (allowsAnyOrigin(setting)) report(setting);
            break;
          }
          case 'ollama': {
            const setting = server.setting({ env: ['OLLAMA_ORIGINS'] });
            if (allowsAnyOrigin(setting, true)) report(setting);
            break;
          }
          case 'mlflow': {
            const setting = server.setting({ flags: ['--cors-allowed-origins'], env: ['MLFLOW_SERVER_CORS_ALLOWED_ORIGINS'] });
            if (allowsAnyOrigin(setting)) report(setting);
            break;
          }
          case 'vllm': {
            const credentials = server.setting({ flags: flagSpellings('--allow-credentials'), switch: true });
            if (!credentials || !isEnabledValue(credentials.value)) break;
            // `--allowed-origins` defaults to ["*"].
            const allowed = server.setting({ flags: flagSpellings('--allowed-origins') });
            if (allowed && !allowsAnyOrigin(allowed)) break;
            context.report({ messageId: 'anyOriginWithCredentials', data: { container: name, credentials: credentials.description, origins: allowed ? written(allowed) : 'the default ["*"]' }, at: credentials.node });
            break;
          }
          default:
            break;
        }
      },
    };
  },
});
