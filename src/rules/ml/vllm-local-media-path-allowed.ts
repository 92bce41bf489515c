import type { ContainerRef } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { flagSpellings } from '../../model/ml/serving-options.js';
import { defineRule } from '../define-rule.js';

/** Directories whose subtree holds credentials or the whole system (the ServiceAccount token lives under /var/run/secrets). */
const SYSTEM_DIRS = ['/', '/etc', '/var', '/run', '/var/run', '/var/run/secrets', '/root', '/proc'];

const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function normalise(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function isAncestorOrSame(dir: string, path: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}

/** Mount paths of Secret volumes (plain or projected) in the container. */
function secretMountPaths(container: ContainerRef): string[] {
  const volumes = container.workload.podSpec.get('volumes').items();
  const secretVolumes = new Set(
    volumes
      .filter((volume) => volume.get('secret').isWritten() || volume.get('projected', 'sources').items().some((source) => source.get('secret').isWritten() || source.get('serviceAccountToken').isWritten()))
      .map((volume) => volume.get('name').str()),
  );
  return container.node
    .get('volumeMounts')
    .items()
    .filter((mount) => secretVolumes.has(mount.get('name').str()))
    .flatMap((mount) => mount.get('mountPath').str() ?? []);
}

export const vllmLocalMediaPathAllowed = defineRule({
  meta: {
    id: 'IG-ML-023',
    name: 'vllm-local-media-path-allowed',
    title: 'vLLM lets API callers read local files as media',
    severity: 'high',
    rationale:
      "`--allowed-local-media-path` lets any API caller name `file://` URLs under that directory as image or video inputs; vLLM's engine-argument help calls it a security risk for trusted environments only. The model then describes, transcribes or leaks what it read. Pointed at `/`, `/etc`, `/var`, `/run` or a directory holding a mounted Secret or the ServiceAccount token (`/var/run/secrets`), it turns the chat API into a file-read primitive for credentials.",
    remediation:
      'Remove the flag and send media inline or by URL from an allowlisted domain. If local media is needed, point it at a dedicated directory that holds only media (a read-only volume), never at a parent of Secret or token mounts.',
    references: ['https://docs.vllm.ai/en/stable/configuration/engine_args/', 'https://docs.vllm.ai/en/stable/usage/security/'],
    mappings: { stride: ['I'], atlas: ['AML.T0037', 'AML.T0057'], owasp: ['LLM02'], nist: ['AC-3', 'AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      mediaPath: "Container '{{container}}' (vLLM) sets {{setting}}: API callers can read files under {{path}} as media inputs.",
      sensitivePath:
        "Container '{{container}}' (vLLM) sets {{setting}}: API callers can read files under {{path}}, which holds {{what}}.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/qwen-vl", "--allowed-local-media-path", "/"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      args: ["--model", "/models/qwen-vl"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'vllm') return;
        for (const setting of server.settings({ flags: flagSpellings('--allowed-local-media-path') })) {
          if (typeof setting.value !== 'string' || setting.value.trim() === '' || /[$`]/.test(setting.value)) continue;
          const path = normalise(setting.value);
          const data = { container: container.name || '(unnamed)', setting: setting.description, path };
          const secret = secretMountPaths(container).find((mount) => isAncestorOrSame(path, normalise(mount)));
          if (SYSTEM_DIRS.includes(path) || isAncestorOrSame(path, TOKEN_DIR) || secret !== undefined) {
            const what = secret !== undefined ? `the Secret mounted at ${secret}` : 'system files and the ServiceAccount token';
            context.report({ messageId: 'sensitivePath', data: { ...data, what }, at: setting.node, severity: 'critical' });
          } else context.report({ messageId: 'mediaPath', data, at: setting.node });
        }
      },
    };
  },
});
