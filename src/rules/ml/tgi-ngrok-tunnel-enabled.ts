import { modelServerFacts } from '../../model/ml/model-server.js';
import { defineRule } from '../define-rule.js';

/** The launcher's boolean env values (clap): empty, `0`, `false`, `no`, `off`, `n`, `f` are false. */
function clapTrue(value: string | true | undefined): boolean {
  return value === true || (typeof value === 'string' && !/^\s*(|0|false|no|off|n|f)\s*$/i.test(value));
}

export const tgiNgrokTunnelEnabled = defineRule({
  meta: {
    id: 'IG-ML-033',
    name: 'tgi-ngrok-tunnel-enabled',
    title: 'TGI public ngrok tunnel enabled',
    severity: 'critical',
    rationale:
      "`--ngrok` (`NGROK`) makes the Text Generation Inference launcher open an outbound ngrok tunnel and publish the server on a public ngrok URL. The tunnel goes around every cluster boundary — Services, Ingress, NetworkPolicy, the gateway's authentication and rate limits — so the model is reachable from the internet by whoever finds the URL, and the traffic leaves through a third party. An ngrok auth token in the pod is the credential that opens such tunnels.",
    remediation: 'Remove `--ngrok`, `NGROK`, `--ngrok-authtoken` / `NGROK_AUTHTOKEN` and `--ngrok-edge`; expose the server through the managed Ingress or Gateway, with authentication. Revoke an ngrok token that was committed.',
    references: ['https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md'],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0049', 'AML.T0040'], nist: ['SC-7', 'AC-17'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    // The auth token may be the flagged value: reports never quote it.
    sensitiveSource: true,
    messages: {
      ngrokEnabled: "Container '{{container}}' (Hugging Face Text Generation Inference) sets {{setting}}: the server is published on a public ngrok URL, around every cluster boundary.",
      ngrokToken: "Container '{{container}}' (Hugging Face Text Generation Inference) is given an ngrok auth token ({{setting}}): it is ready to open a public tunnel around every cluster boundary.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      args: ["--model-id", "/data/llama", "--ngrok"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      args: ["--model-id", "/data/llama"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'tgi') return;
        const name = container.name || '(unnamed)';
        const flag = server.setting({ flags: ['--ngrok'], switch: true });
        const env = server.setting({ env: ['NGROK'] });
        const enabled = flag ?? (env && clapTrue(env.value) ? env : undefined);
        const token = server.setting({ flags: ['--ngrok-authtoken'], env: ['NGROK_AUTHTOKEN'] });
        if (enabled) {
          const setting = enabled.source === 'env' ? `${enabled.description}=${String(enabled.value)}` : enabled.description;
          context.report({ messageId: 'ngrokEnabled', data: { container: name, setting }, at: enabled.node, ...(token ? { related: [{ at: token.node, message: `ngrok auth token (${token.name})` }] } : {}) });
        } else if (token && token.value !== '' && !(env && !clapTrue(env.value) && env.value !== undefined)) {
          // Described by name only: the token's value is never put in a message.
          context.report({ messageId: 'ngrokToken', data: { container: name, setting: token.source === 'env' ? `env ${token.name}` : token.name }, at: token.node });
        }
      },
    };
  },
});
