import type { Severity } from '../../findings/finding.js';
import { authOnPath } from '../../model/auth-front.js';
import type { AuthControl } from '../../model/auth-front.js';
import { pathsSeenByBackend, pathsWithin, routedPaths } from '../../model/http-paths.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, serverBind, serverPortExposures } from '../../model/ml/server-exposure.js';
import { flagSpellings } from '../../model/ml/serving-options.js';
import type { ExposurePath, HttpPathMatch } from '../../model/port-exposure.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** The OpenAI-compatible API, the part `--api-key` guards: what an allowlisting proxy lets through. */
const API_PREFIX = '/v1';

/**
 * Endpoints vLLM's security guide lists as answering without the API key: inference outside `/v1`,
 * operational control, and (when enabled) tokenizer info, development and profiler endpoints.
 * An exact route to one of them is not an allowlist; utility endpoints (`/health`, `/ping`,
 * `/version`, `/load`, `/tokenize`, `/detokenize`) and `/metrics` are.
 */
const UNPROTECTED = new Set([
  '/invocations',
  '/inference/v1/generate',
  '/generative_scoring',
  '/pooling',
  '/classify',
  '/score',
  '/rerank',
  '/pause',
  '/resume',
  '/is_paused',
  '/scale_elastic_ep',
  '/is_scaling_elastic_ep',
  '/init_weight_transfer_engine',
  '/update_weights',
  '/get_world_size',
  '/abort_requests',
  '/tokenizer_info',
  '/server_info',
  '/reset_prefix_cache',
  '/reset_mm_cache',
  '/reset_encoder_cache',
  '/sleep',
  '/wake_up',
  '/is_sleeping',
  '/collective_rpc',
  '/start_profile',
  '/stop_profile',
]);

function trimmed(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

/** A regular expression anchored under `/v1/` with no alternation: `^/v1/.*`, `/v1/(chat/)?completions`. */
function patternUnderApi(value: string | undefined): boolean {
  return value !== undefined && !value.includes('|') && /^\^?\/v1\//.test(value);
}

/** Whether one path condition lets through only the API (or harmless exact endpoints), as the backend sees it. */
function allowlists(match: HttpPathMatch): boolean {
  const seen = pathsSeenByBackend(match);
  if (seen === undefined) return match.rewrite === undefined && match.type === 'pattern' && patternUnderApi(match.value);
  if (seen.type === 'prefix') return pathsWithin(seen, API_PREFIX);
  return !UNPROTECTED.has(trimmed(seen.value));
}

// Istio's `paths` syntax: an exact path, a prefix ending in `*`, a suffix starting with `*`, or `*` for any.
function istioPathAllowlists(path: string | undefined): boolean {
  if (path === undefined || path.startsWith('*')) return false;
  if (path.endsWith('*')) return path.startsWith(`${API_PREFIX}/`);
  return !UNPROTECTED.has(trimmed(path));
}

/**
 * The Istio AuthorizationPolicy in front of the pods is itself a path allowlist: ALLOW rules that each
 * name only allowlisted `to.operation.paths`, or a DENY of everything outside allowlisted `notPaths`.
 */
function istioAllowlist(control: AuthControl | undefined): boolean {
  if (control?.kind !== 'istio-policy') return false;
  const spec = control.object.root.get('spec');
  const action = spec.get('action').str() ?? 'ALLOW';
  const rules = spec.get('rules').items();
  if (rules.length === 0 || (action !== 'ALLOW' && action !== 'DENY')) return false;
  const key = action === 'ALLOW' ? 'paths' : 'notPaths';
  return rules.every((rule) => {
    if (action === 'DENY' && (rule.get('from').isWritten() || rule.get('when').isWritten())) return false;
    const targets = rule.get('to').items();
    return targets.length > 0 && targets.every((target) => {
      const paths = target.get('operation', key).items();
      return paths.length > 0 && paths.every((path) => istioPathAllowlists(path.str()));
    });
  });
}

/** How a path condition reads in a message: `the prefix /`, `the exact path /invocations`, `the prefix /llama rewritten to /`. */
function describeMatch(match: HttpPathMatch): string {
  const base = `${match.type === 'pattern' ? 'the pattern' : match.type === 'exact' ? 'the exact path' : 'the prefix'} ${match.value ?? '(unreadable)'}`;
  if (!match.rewrite) return base;
  return `${base} rewritten to ${match.rewrite.type === 'pattern' ? `the pattern ${match.rewrite.value ?? '(unreadable)'}` : (match.rewrite.value ?? '(unreadable)')}`;
}

interface Failure {
  readonly path: ExposurePath;
  /** The route condition that lets more than the API through; undefined when nothing narrows the path. */
  readonly match: HttpPathMatch | undefined;
}

export const vllmExposedWithoutPathAllowlist = defineRule({
  meta: {
    id: 'IG-ML-021',
    name: 'vllm-exposed-without-path-allowlist',
    title: 'vLLM reachable without an endpoint-allowlisting proxy',
    severity: 'high',
    rationale:
      "vLLM's `--api-key` (`VLLM_API_KEY`) only guards the `/v1`, `/v2` and `/inference` APIs. The same port answers without a key on `/invocations` (the same inference as `/v1`, SageMaker-style), `/pooling`, `/classify`, `/score`, `/rerank`, and on operational controls: `/pause` and `/abort_requests` stop service, `/update_weights` and `/init_weight_transfer_engine` change the model being served. vLLM's security guide says not to rely on the key and to put a reverse proxy in front that allowlists the endpoints clients need. When a LoadBalancer, NodePort, host port, Ingress or Gateway route sends every path straight to the vLLM container, anyone who reaches it runs inference on your GPUs for free, takes the model out of service, or alters it — key or no key. Internet-facing exposure makes this critical.",
    remediation:
      "Keep the vLLM Service `ClusterIP` and publish it only through a route that allowlists the API: an HTTPRoute whose `matches` are `PathPrefix` `/v1/...` (or `Exact` paths) only, an Ingress with `Prefix` / `Exact` paths under `/v1`, or an Envoy / nginx proxy (a sidecar, with vLLM on `--host 127.0.0.1`) that forwards only the routes you serve; add authentication and rate limits at that proxy. An Istio `AuthorizationPolicy` allowing only `to.operation.paths: [\"/v1/*\"]` works too.",
    references: ['https://docs.vllm.ai/en/stable/usage/security/', 'https://gateway-api.sigs.k8s.io/reference/spec/#httppathmatch', 'https://istio.io/latest/docs/reference/config/security/authorization-policy/'],
    mappings: { stride: ['S', 'D', 'T'], atlas: ['AML.T0040', 'AML.T0029', 'AML.T0034'], owasp: ['LLM10'], nist: ['AC-3', 'SC-7', 'CM-7'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:Ingress', 'k8s:HTTPRoute'],
    fix: 'none',
    messages: {
      noAllowlist:
        "Container '{{container}}' (vLLM) port {{port}} is reachable from outside the namespace ({{hop}}) with no path allowlist in front: /invocations, /pause, /update_weights and the other endpoints outside /v1 answer without the API key.",
      routeNotAllowlisted:
        "Container '{{container}}' (vLLM) port {{port}} is reachable from outside the namespace ({{hop}}) and that route lets {{match}} through, not only the /v1 API: /invocations, /pause, /update_weights and the other endpoints outside /v1 answer without the API key.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: llama, namespace: llm }
spec:
  selector: { matchLabels: { app: llama } }
  template:
    metadata: { labels: { app: llama } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "/models/llama", "--api-key", "$(VLLM_API_KEY)"]
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: llama, namespace: llm }
spec:
  type: LoadBalancer
  selector: { app: llama }
  ports: [{ port: 80, targetPort: 8000 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: llama, namespace: llm }
spec:
  selector: { matchLabels: { app: llama } }
  template:
    metadata: { labels: { app: llama } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "/models/llama"]
          ports: [{ containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: llama, namespace: llm }
spec:
  selector: { app: llama }
  ports: [{ port: 80, targetPort: 8000 }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'vllm') return;
        // `--host 127.0.0.1` (or `--uds`, a unix socket) behind a proxy sidecar: nothing outside the pod reaches vLLM itself.
        if (server.setting({ flags: flagSpellings('--uds') }) || serverBind(server, { flags: flagSpellings('--host') }).local !== false) return;
        for (const { port, exposure, at } of serverPortExposures(model, server, 'inference')) {
          const failures: Failure[] = [];
          for (const path of exposure.paths) {
            if (!path.exposed) continue;
            const routed = routedPaths(path);
            const open = routed === undefined ? undefined : routed.find((match) => !allowlists(match));
            if (routed !== undefined && open === undefined) continue;
            if (istioAllowlist(authOnPath(model, container.workload, path))) continue;
            failures.push({ path, match: open });
          }
          if (failures.length === 0) continue;
          const named = failures.find((failure) => failure.path.internetFacing) ?? (failures[0] as Failure);
          const severity: Severity = failures.some((failure) => failure.path.internetFacing) ? 'critical' : 'high';
          const data = { container: container.name || '(unnamed)', port: port.number, hop: named.path.hops[0]?.description ?? 'an exposure path' };
          const related: Array<{ at: Node; message: string }> = [
            ...(named.match ? [{ at: named.match.at, message: `routes ${describeMatch(named.match)}` }] : []),
            ...hopsOf(failures.map((failure) => failure.path)),
          ];
          if (named.match) context.report({ messageId: 'routeNotAllowlisted', data: { ...data, match: describeMatch(named.match) }, at, severity, related });
          else context.report({ messageId: 'noAllowlist', data, at, severity, related });
        }
      },
    };
  },
});
