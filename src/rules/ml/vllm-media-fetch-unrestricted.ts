import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';

/**
 * Model families that take images, video or audio by name (checked against the model name only, so
 * a text model is never matched): Qwen-VL / Omni / Audio, LLaVA, Pixtral, Idefics, PaliGemma,
 * InternVL, MiniCPM-V, Molmo, Llama 3.2 Vision, Llama 4, Kimi-VL, GLM-4V, DeepSeek-VL, Phi vision /
 * multimodal, Ultravox.
 */
const MULTIMODAL_NAME = /(^|[/_-])(vl|vision|omni)([_.-]|$)|llava|pixtral|idefics|paligemma|internvl|minicpm-[vo]|molmo|mllama|llama-4|kimi-vl|glm-4v|deepseek-vl|phi-4-multimodal|qwen2(\.5)?-audio|ultravox/i;


/** `--limit-mm-per-prompt '{"image": 0}'` turns media inputs off. */
function limitsAllZero(value: string): boolean {
  const counts = value.match(/\d+/g);
  return counts !== null && counts.every((count) => Number(count) === 0);
}

export const vllmMediaFetchUnrestricted = defineRule({
  meta: {
    id: 'IG-ML-024',
    name: 'vllm-media-fetch-unrestricted',
    title: 'Multimodal LLM server fetches arbitrary media URLs',
    severity: 'medium',
    rationale:
      "A multimodal vLLM server downloads every `image_url`, `video_url` or `audio_url` a caller puts in a request. Without `--allowed-media-domains` that is a server-side request forgery primitive from inside the cluster: internal services, the Kubernetes API, and the cloud metadata endpoint (`169.254.169.254`). The fetch is a plain GET whose answer the caller does not see, so it takes credentials only where the metadata endpoint answers such a request with them — EC2 nodes that still accept IMDSv1 hand out the node's role; IRSA and Azure Workload Identity credentials sit in a token file, and GKE's metadata server wants a header the fetch does not send. IG-GRAPH-005 reports that path, with the egress and the node settings that open it, in place of this finding. vLLM follows HTTP redirects by default, so an allowlisted domain that redirects bypasses the allowlist unless `VLLM_MEDIA_URL_ALLOW_REDIRECTS=0`. The vLLM security page recommends both settings.",
    remediation:
      'Set `--allowed-media-domains` to the domains media may come from (or send media inline as base64), set `VLLM_MEDIA_URL_ALLOW_REDIRECTS=0`, and add an egress NetworkPolicy that blocks the metadata endpoint and cluster-internal ranges from the serving pods.',
    references: ['https://docs.vllm.ai/en/stable/usage/security/', 'https://docs.vllm.ai/en/stable/configuration/env_vars/'],
    mappings: { stride: ['I', 'E'], atlas: ['AML.T0049', 'AML.T0055'], owasp: ['LLM06'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Workload', 'k8s:ServiceAccount'],
    fix: 'none',
    messages: {
      noAllowlist:
        "Container '{{container}}' (vLLM) serves a multimodal model ({{evidence}}) without --allowed-media-domains: callers can make it fetch any URL, including internal services and the cloud metadata endpoint.",
      redirectsFollowed:
        "Container '{{container}}' (vLLM) restricts media domains but follows redirects ({{redirects}}): an allowlisted URL that redirects reaches any host.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/qwen", "--limit-mm-per-prompt", '{"image": 4}']
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/qwen", "--limit-mm-per-prompt", '{"image": 4}', "--allowed-media-domains", "media.example.com"]
      env:
        - name: VLLM_MEDIA_URL_ALLOW_REDIRECTS
          value: "0"
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'vllm') return;
        const limit = server.setting({ flags: flagSpellings('--limit-mm-per-prompt') });
        if (limit && limit.value === undefined) return;
        const limitOn = limit !== undefined && typeof limit.value === 'string' && !limitsAllZero(limit.value);
        const named = server.modelSources.find((source) => typeof source.value === 'string' && MULTIMODAL_NAME.test(source.value));
        if (limit !== undefined && !limitOn) return;
        const evidence = limitOn ? limit : named;
        if (!evidence) return;
        const data = { container: container.name || '(unnamed)' };
        const domains = server.setting({ flags: flagSpellings('--allowed-media-domains') });
        if (!domains) {
          context.report({ messageId: 'noAllowlist', data: { ...data, evidence: evidence.description }, at: evidence.node });
          return;
        }
        const redirects = server.setting({ env: ['VLLM_MEDIA_URL_ALLOW_REDIRECTS'] });
        if (redirects && (redirects.value === undefined || (typeof redirects.value === 'string' && /^\s*0+\s*$/.test(redirects.value)))) return;
        context.report({
          messageId: 'redirectsFollowed',
          data: { ...data, redirects: redirects ? `${redirects.description}=${String(redirects.value)}` : 'VLLM_MEDIA_URL_ALLOW_REDIRECTS is not 0; redirects are followed by default' },
          at: redirects ? redirects.node : domains.node,

        });
      },
    };
  },
});
