import type { ContainerRef, K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { compareVersions } from '../../model/ml/images.js';
import type { Version } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { hiddenEnvSource } from '../../model/ml/settings.js';
import type { Setting } from '../../model/ml/settings.js';
import { findObject } from '../../model/references.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import type { Locatable } from '../define-rule.js';

// A Kubernetes label selector term: `key` (the label is present) or `key=value`. A key is an
// optional DNS-subdomain prefix and `/`, then a name of up to 63 characters.
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?';
const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const LABEL_SELECTOR = new RegExp(`^(?:${DNS_LABEL}(?:\\.${DNS_LABEL})*/)?${NAME}(?:=(?:${NAME})?)?$`);

interface Marker {
  /** `label data-classification=regulated on Namespace ml-prod`. */
  readonly description: string;
  readonly at: Node;
}

/** The first configured selector that the pod template, the workload or its Namespace (when scanned) carries. */
function regulatedMarker(model: KubernetesModel, container: ContainerRef, selectors: readonly string[]): Marker | undefined {
  if (selectors.length === 0) return undefined;
  const workload = container.workload;
  const namespace = workload.object.namespace === undefined ? undefined : findObject(model, { kind: 'Namespace', groups: new Set(['']), namespace: undefined, name: workload.object.namespace, near: workload.object });
  const holders: Array<{ labels: Node; what: string }> = [
    { labels: workload.podMetadata.get('labels'), what: 'the pod template' },
    { labels: workload.object.root.get('metadata', 'labels'), what: objectName(workload.object) },
    ...(namespace ? [{ labels: namespace.root.get('metadata', 'labels'), what: objectName(namespace) }] : []),
  ];
  for (const selector of selectors) {
    const equals = selector.indexOf('=');
    const key = equals === -1 ? selector : selector.slice(0, equals);
    const value = equals === -1 ? undefined : selector.slice(equals + 1);
    for (const { labels, what } of holders) {
      const label = labels.get(key);
      const text = label.str();
      if (text === undefined || (value !== undefined && text !== value)) continue;
      return { description: `label ${key}=${text} on ${what}`, at: label };
    }
  }
  return undefined;
}

function objectName(object: K8sObject): string {
  return `${object.kind} ${object.name ?? '(unnamed)'}`;
}

/**
 * Releases that predate the statistics are silent. TGI documents the data "as of release 2.1.2",
 * vLLM "as of v0.4.0"; only the vendors' own images are read this way (another image's tag is its
 * own version: `lmcache/vllm-openai:v0.3.1`).
 */
const FIRST_REPORTING: Readonly<Record<'tgi' | 'vllm', { image: RegExp; version: Version }>> = {
  tgi: { image: /(^|\/)huggingface\/text-generation-inference$/, version: [2, 1, 2] },
  vllm: { image: /(^|\/)vllm\/vllm-openai(-[a-z0-9]+)?$/, version: [0, 4, 0] },
};

function predatesTelemetry(server: ModelServer, kind: 'tgi' | 'vllm'): boolean {
  const { image, version } = FIRST_REPORTING[kind];
  return server.image?.version !== undefined && image.test(server.image.repository) && compareVersions(server.image.version, version) < 0;
}

interface Telemetry {
  readonly messageId: 'tgiUsageStats' | 'tgiNoStack' | 'vllmUsageStats';
  readonly setting: string;
  readonly at: Locatable;
}

/**
 * TGI's launcher: `--usage-stats` / `USAGE_STATS` is `on` (the default), `off` or `no-stack` (no
 * stack traces, start / stop / crash events still sent); any other value stops the launcher.
 */
function tgiTelemetry(model: KubernetesModel, server: ModelServer): Telemetry | undefined {
  const setting = server.setting({ flags: ['--usage-stats'], env: ['USAGE_STATS'] });
  if (setting === undefined) {
    if (hiddenEnvSource(model, server.container)) return undefined;
    return { messageId: 'tgiUsageStats', setting: '`--usage-stats` / `USAGE_STATS` not set: on by default', at: server.container.node.get('env') };
  }
  if (setting.value === 'on') return { messageId: 'tgiUsageStats', setting: written(setting), at: setting.node };
  if (setting.value === 'no-stack') return { messageId: 'tgiNoStack', setting: written(setting), at: setting.node };
  return undefined;
}

/**
 * vLLM (`vllm/envs.py`, `vllm/usage/usage_lib.py`): on unless `VLLM_NO_USAGE_STATS` is `1`, or
 * `VLLM_DO_NOT_TRACK` — else `DO_NOT_TRACK` — is `1` (an empty value falls through to the next);
 * `true` does not opt out. `VLLM_USAGE_STATS_SERVER` redirects the reports: where to is the user's choice.
 */
function vllmTelemetry(model: KubernetesModel, server: ModelServer): Telemetry | undefined {
  const env = (name: string): Setting | undefined => server.setting({ env: [name] });
  const noStats = env('VLLM_NO_USAGE_STATS');
  const vllmDoNotTrack = env('VLLM_DO_NOT_TRACK');
  const doNotTrack = env('DO_NOT_TRACK');
  const statsServer = env('VLLM_USAGE_STATS_SERVER');
  if ([noStats, vllmDoNotTrack, doNotTrack, statsServer].some((setting) => setting !== undefined && typeof setting.value !== 'string')) return undefined;
  if (statsServer !== undefined) return undefined;
  if (noStats?.value === '1') return undefined;
  // Python's `or`: an unset or empty VLLM_DO_NOT_TRACK defers to DO_NOT_TRACK.
  const deciding = vllmDoNotTrack !== undefined && vllmDoNotTrack.value !== '' ? vllmDoNotTrack : doNotTrack;
  if (deciding?.value === '1') return undefined;
  if (hiddenEnvSource(model, server.container)) return undefined;
  // A variable set to something else (`DO_NOT_TRACK=true`) reads as not opted out: report it there.
  const misread = [deciding, noStats].find((setting) => setting !== undefined && setting.value !== '');
  if (misread) return { messageId: 'vllmUsageStats', setting: `${written(misread)}, which vLLM does not read as an opt-out (only 1 is)`, at: misread.node };
  return { messageId: 'vllmUsageStats', setting: 'no `VLLM_NO_USAGE_STATS=1` or `DO_NOT_TRACK=1`', at: server.container.node.get('env') };
}

/** `--usage-stats=on`, `env USAGE_STATS=on`, `env USAGE_STATS=on (ConfigMap tgi-env key USAGE_STATS)`. */
function written(setting: Setting): string {
  if (setting.source !== 'env') return setting.description;
  const name = `env ${setting.name}`;
  const assigned = `${name}=${String(setting.value)}`;
  return setting.description.startsWith(name) ? `${assigned}${setting.description.slice(name.length)}` : assigned;
}

export const llmTelemetryEnabledForRegulatedWorkload = defineRule({
  meta: {
    id: 'IG-ML-034',
    name: 'llm-telemetry-enabled-for-regulated-workload',
    title: 'LLM server telemetry leaves the cluster for regulated workloads',
    severity: 'low',
    rationale:
      "Text Generation Inference and vLLM send anonymous usage statistics to their maintainers by default. TGI's router posts start, stop and error events to `huggingface.co` with the server's configuration (model type, revision, limits), its GPUs and host, whenever its look at `/proc/self/cgroup` finds a container runtime (`kubepods`, `containerd`, `crio`, …; in a private cgroup-v2 namespace that file may show only `0::/`, so whether a given node reports is not a safe bet either way); `--usage-stats no-stack` drops only the stack traces. vLLM posts the platform, cloud provider, GPUs and model architecture to `stats.vllm.ai` at start and a heartbeat every 10 minutes. No prompts or outputs are sent, but for a workload under a data-handling regime (HIPAA, PCI, GDPR, an internal 'regulated' class) an undeclared outbound flow from the serving pod is itself a finding, and it tells a third party what runs where. The rule needs to know which workloads are regulated: list the labels that mark them in the `regulatedLabels` option. There is no Kubernetes-wide convention for such labels, so the default is empty and **the rule stays silent until you configure it**. The vendors' images older than the first releases whose statistics are documented (TGI 2.1.2, vLLM 0.4.0) are not reported.",
    remediation:
      'Turn the statistics off in the container: `USAGE_STATS=off` (or `--usage-stats off`) for TGI; `VLLM_NO_USAGE_STATS=1` and `DO_NOT_TRACK=1` for vLLM (only the value `1` opts out). Back it with an egress NetworkPolicy that allows the serving pods only the destinations they need.',
    references: [
      'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/reference/launcher.md',
      'https://github.com/huggingface/text-generation-inference/blob/main/docs/source/usage_statistics.md',
      'https://docs.vllm.ai/en/latest/usage/usage_stats/',
      'https://github.com/vllm-project/vllm/blob/main/vllm/usage/usage_lib.py',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025'], nist: ['AC-4'] },
    targets: ['k8s:Workload', 'k8s:Namespace'],
    fix: 'none',
    options: {
      regulatedLabels: {
        type: 'string[]',
        default: [],
        description:
          'Label selectors that mark a workload as regulated: `key=value` (`data-classification=regulated`, `compliance=hipaa`) or a key alone for any value. Matched against the pod template, the workload and its Namespace (when the Namespace is in the scan). Empty by default: the rule does not fire until set.',
        format: { pattern: LABEL_SELECTOR, description: 'a label selector such as data-classification=regulated, or a label key alone' },
      },
    },
    messages: {
      tgiUsageStats:
        "Container '{{container}}' runs Hugging Face Text Generation Inference with usage statistics on ({{setting}}) in a regulated workload ({{regulated}}): start, stop and error events with the model configuration and hardware go to huggingface.co.",
      tgiNoStack:
        "Container '{{container}}' runs Hugging Face Text Generation Inference with {{setting}} in a regulated workload ({{regulated}}): no stack traces, but start, stop and crash events with the model configuration and hardware still go to huggingface.co.",
      vllmUsageStats:
        "Container '{{container}}' runs vLLM with usage statistics on ({{setting}}) in a regulated workload ({{regulated}}): the platform, GPUs and model architecture go to stats.vllm.ai at start and every 10 minutes.",
    },
    examples: {
      options: { regulatedLabels: ['data-classification=regulated'] },
      bad: `apiVersion: v1
kind: Pod
metadata:
  name: tgi
  namespace: claims
  labels: { data-classification: regulated }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      args: ["--model-id", "/data/llama"]
`,
      good: `apiVersion: v1
kind: Pod
metadata:
  name: tgi
  namespace: claims
  labels: { data-classification: regulated }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      args: ["--model-id", "/data/llama"]
      env:
        - { name: USAGE_STATS, value: "off" }
`,
    },
  },
  create(context) {
    const selectors = context.options.regulatedLabels;
    return {
      container(container) {
        if (selectors.length === 0 || container.role !== 'container') return;
        const server = modelServerFacts(context.model, container);
        if ((server?.kind !== 'tgi' && server?.kind !== 'vllm') || predatesTelemetry(server, server.kind)) return;
        const telemetry = server.kind === 'tgi' ? tgiTelemetry(context.model, server) : vllmTelemetry(context.model, server);
        if (!telemetry) return;
        const marker = regulatedMarker(context.model, container, selectors);
        if (!marker) return;
        context.report({
          messageId: telemetry.messageId,
          data: { container: container.name || '(unnamed)', setting: telemetry.setting, regulated: marker.description },
          at: telemetry.at,
          related: [{ at: marker.at, message: `regulated: ${marker.description}` }],
        });
      },
    };
  },
});
