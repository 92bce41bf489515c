import { unauthenticatedPaths } from '../../model/auth-front.js';
import { exposesRequestPath } from '../../model/http-paths.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop, serverBind, serverPortExposures } from '../../model/ml/server-exposure.js';
import { flagSpellings, isEnabledValue } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';

/** FastAPI's defaults, which vLLM keeps unless `--disable-fastapi-docs`: Swagger UI, ReDoc, the OpenAPI schema. */
const FASTAPI_DOCS = ['/docs', '/redoc', '/openapi.json'];

export const debugEndpointsEnabled = defineRule({
  meta: {
    id: 'IG-ML-029',
    name: 'debug-endpoints-enabled',
    title: 'Debug / profiler / tokenizer-info endpoints enabled',
    severity: 'medium',
    rationale:
      "Development switches add endpoints to the serving port that `--api-key` does not cover. vLLM's profiler (`--profiler-config`, or `VLLM_TORCH_PROFILER_DIR` in older releases) serves `/start_profile` and `/stop_profile`: anyone who reaches the port can slow the engine down and fill its disk with traces. `--enable-tokenizer-info-endpoint` serves `/tokenizer_info`, which returns the chat template and tokenizer configuration (system-prompt scaffolding, prompt engineering). MLServer's debug mode is meant for development, not for serving. Less serious (low): a vLLM server reachable from outside its namespace without `--disable-fastapi-docs` serves FastAPI's `/docs`, `/redoc` and `/openapi.json`, a map of every endpoint it offers, including those outside `/v1` that take no API key.",
    remediation:
      'Turn these off in production overlays: remove `--profiler-config` / `VLLM_TORCH_PROFILER_DIR` and `--enable-tokenizer-info-endpoint`, set `MLSERVER_DEBUG=false`, and pass `--disable-fastapi-docs` to a vLLM server that clients outside the namespace reach. Profile on a separate, private deployment.',
    references: ['https://docs.vllm.ai/en/stable/usage/security/', 'https://docs.vllm.ai/en/latest/configuration/serve_args.html', 'https://docs.seldon.ai/mlserver/api-reference/settings'],
    mappings: { stride: ['I', 'D'], atlas: ['AML.T0056', 'AML.T0069'], owasp: ['LLM07'], nist: ['CM-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      profiler: "Container '{{container}}' (vLLM) sets {{setting}}: /start_profile and /stop_profile are served without authentication.",
      tokenizerInfo: "Container '{{container}}' (vLLM) sets {{setting}}: /tokenizer_info returns the chat template and tokenizer configuration to any caller.",
      mlserverDebug: "Container '{{container}}' (Seldon MLServer) sets {{setting}}: the server runs in debug mode.",
      fastapiDocs:
        "Container '{{container}}' (vLLM) does not set --disable-fastapi-docs and port {{port}} is reachable from outside the namespace ({{hop}}): /docs, /redoc and /openapi.json list every endpoint, including those outside /v1 that take no API key.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama", "--enable-tokenizer-info-endpoint"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/llama"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        const name = container.name || '(unnamed)';
        if (server?.kind === 'vllm') {
          const profiler = server.settings({ flags: flagSpellings('--profiler-config'), env: ['VLLM_TORCH_PROFILER_DIR'] }).find((setting) => typeof setting.value === 'string' && setting.value.trim() !== '' && setting.value.trim() !== '{}');
          if (profiler) context.report({ messageId: 'profiler', data: { container: name, setting: profiler.source === 'env' ? `${profiler.description}=${String(profiler.value)}` : profiler.description }, at: profiler.node });
          const info = server.setting({ flags: flagSpellings('--enable-tokenizer-info-endpoint'), switch: true });
          if (info && isEnabledValue(info.value)) context.report({ messageId: 'tokenizerInfo', data: { container: name, setting: info.description }, at: info.node });
          // Only where the docs are reachable from outside the namespace, with nothing authenticating callers first.
          if (server.setting({ flags: flagSpellings('--disable-fastapi-docs', '--uds') }) || serverBind(server, { flags: flagSpellings('--host') }).local !== false) return;
          for (const { port, exposure, at } of serverPortExposures(context.model, server, 'inference')) {
            const open = unauthenticatedPaths(context.model, container.workload, exposure).filter((path) => FASTAPI_DOCS.some((docs) => exposesRequestPath(path, docs)));
            if (open.length === 0) continue;
            context.report({ messageId: 'fastapiDocs', data: { container: name, port: port.number, hop: outermostHop(open) }, at, severity: 'low', related: hopsOf(open) });
          }
        } else if (server?.kind === 'mlserver') {
          const debug = server.setting({ env: ['MLSERVER_DEBUG'] });
          if (debug && isEnabledValue(debug.value)) context.report({ messageId: 'mlserverDebug', data: { container: name, setting: `${debug.description}=${String(debug.value)}` }, at: debug.node });
        }
      },
    };
  },
});
