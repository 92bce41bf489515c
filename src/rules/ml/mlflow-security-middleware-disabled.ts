import { modelServerFacts } from '../../model/ml/model-server.js';
import { isEnabledValue } from '../../model/ml/serving-options.js';
import type { Setting } from '../../model/ml/settings.js';
import { defineRule } from '../define-rule.js';

/** `*`, `"*"`, `a.example.com,*`: MLflow's comma-separated lists, quotes dropped. `*.company.com` is a pattern, not a wildcard for all. */
function listsWildcard(setting: Setting | undefined): setting is Setting & { value: string } {
  if (typeof setting?.value !== 'string') return false;
  return setting.value
    .split(/[,\s]+/)
    .map((entry) => entry.replace(/^['"]|['"]$/g, '').trim())
    .some((entry) => entry === '*');
}

function written(setting: Setting): string {
  return setting.source === 'argument' ? setting.description : `${setting.description}=${String(setting.value)}`;
}

export const mlflowSecurityMiddlewareDisabled = defineRule({
  meta: {
    id: 'IG-ML-047',
    name: 'mlflow-security-middleware-disabled',
    title: 'MLflow host/CORS protection disabled or wildcard',
    severity: 'high',
    rationale:
      "MLflow's tracking server has no authentication by default; since 3.5.0 its security middleware is what stops a web page from driving it through a user's browser. The Host check (`--allowed-hosts`, default localhost and private addresses) defeats DNS rebinding, where a page re-points its own name at the internal server; the CORS check (`--cors-allowed-origins`) keeps other sites from calling the API and reading the answers. With the middleware disabled, or either list set to `*`, any page a user opens can read experiments and registered models, register a model version that serving then pulls, or delete runs.",
    remediation:
      'Remove `--disable-security-middleware` / `MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE`, and list the real names: `--allowed-hosts "mlflow.company.com"` (or `MLFLOW_SERVER_ALLOWED_HOSTS`) and `--cors-allowed-origins "https://app.company.com"` (or `MLFLOW_SERVER_CORS_ALLOWED_ORIGINS`); put authentication in front of the server.',
    references: ['https://mlflow.org/docs/latest/self-hosting/security/network', 'https://mlflow.org/docs/latest/ml/tracking/server/security/configuration'],
    mappings: { stride: ['S', 'T'], atlas: ['AML.T0078'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    // IG-ML-007 flags the same `--cors-allowed-origins "*"` value generically: one finding, under this id.
    supersedes: ['IG-ML-007'],
    messages: {
      middlewareDisabled: "Container '{{container}}' (MLflow) sets {{setting}}: the Host, CORS and frame checks are off, so web pages can drive the tracking server through a user's browser.",
      anyHost: "Container '{{container}}' (MLflow) sets {{setting}}: every Host header is accepted, so a DNS-rebinding page reaches the tracking server through a user's browser.",
      anyOrigin: "Container '{{container}}' (MLflow) sets {{setting}}: any web page can call the tracking server from a user's browser and read the answers.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: mlflow, namespace: mlops }
spec:
  containers:
    - name: mlflow
      image: ghcr.io/mlflow/mlflow:v3.5.0
      command: [mlflow, server, --host, 0.0.0.0, --allowed-hosts, "*"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: mlflow, namespace: mlops }
spec:
  containers:
    - name: mlflow
      image: ghcr.io/mlflow/mlflow:v3.5.0
      command: [mlflow, server, --host, 0.0.0.0, --allowed-hosts, "mlflow.mlops.svc:5000"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'mlflow') return;
        const name = container.name || '(unnamed)';
        const disabled = server.setting({ flags: ['--disable-security-middleware'], env: ['MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE'], switch: true });
        if (disabled && isEnabledValue(disabled.value)) {
          context.report({ messageId: 'middlewareDisabled', data: { container: name, setting: written(disabled) }, at: disabled.node });
          return;
        }
        const hosts = server.setting({ flags: ['--allowed-hosts'], env: ['MLFLOW_SERVER_ALLOWED_HOSTS'] });
        if (listsWildcard(hosts)) context.report({ messageId: 'anyHost', data: { container: name, setting: written(hosts) }, at: hosts.node });
        const origins = server.setting({ flags: ['--cors-allowed-origins'], env: ['MLFLOW_SERVER_CORS_ALLOWED_ORIGINS'] });
        if (listsWildcard(origins)) context.report({ messageId: 'anyOrigin', data: { container: name, setting: written(origins) }, at: origins.node });
      },
    };
  },
});
