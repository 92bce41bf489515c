import { kustomizeImageOverride } from '../../model/kustomize.js';
import { parseImage } from '../../model/ml/images.js';
import type { ImageReference } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** Docker Hub's other names. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `registry/repository` with Docker Hub spelled `docker.io`. */
function location(image: ImageReference): string {
  const registry = image.registry === undefined || DOCKER_HUB.has(image.registry) ? 'docker.io' : image.registry;
  const repository = registry === 'docker.io' && !image.repository.includes('/') ? `library/${image.repository}` : image.repository;
  return `${registry}/${repository}`;
}

/** `registry.corp.example`, `registry.corp.example:5000/mirror`, `docker.io/myorg`: a host (dot, port or localhost), then path segments. */
const REGISTRY_PREFIX = /^(?:(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?|[a-z0-9-]+:\d+)(?:\/[a-z0-9._-]+)*\/?$/i;

/** An `allowedRegistries` entry in the form `location()` produces: lower case, Docker Hub as `docker.io`, no trailing slash. */
function normalizePrefix(entry: string): string {
  const [host = '', ...path] = entry.trim().toLowerCase().replace(/\/+$/, '').split('/');
  return [DOCKER_HUB.has(host) ? 'docker.io' : host, ...path].join('/');
}

function under(place: string, prefix: string): boolean {
  return place === prefix || place.startsWith(`${prefix}/`);
}

/** Whole references only: `${IMAGE}` or `{{ .Values.image }}` is filled in by a tool. */
const PLAIN_REFERENCE = /^[a-z0-9][a-z0-9._:/-]*(@sha256:[0-9a-f]{64})?$/i;

export const modelServerImageUnpinned = defineRule({
  meta: {
    id: 'IG-ML-071',
    name: 'model-server-image-unpinned',
    title: 'Model-server image not pinned or from an unexpected registry',
    severity: 'medium',
    rationale:
      "A model server's image is its code: the server, its model loaders, often the model itself. A tag can be moved, so whoever can push to the repository (or compromise a mirror in between) swaps what every new pod runs, with the model's data, GPU and credentials. A digest names exactly one image. The risk is larger when the tag comes from a registry other than the vendor's own (`nvcr.io/nvidia`, `docker.io/vllm`, `ghcr.io/huggingface`, …): a third party then decides what the tag points to. Where a kustomization in the scanned set pins a digest, the image it deploys is judged.",
    remediation:
      'Pin the model-server image by digest (`vllm/vllm-openai:v0.11.0@sha256:…`), pulled from the vendor registry or from your own mirror of it, and let CD tooling (kustomize `images`, Renovate, Flux image automation) update the digest; enforce digests with an admission policy (Kyverno / Gatekeeper / Sigstore policy-controller). List your mirrors in the `allowedRegistries` option: vendor images from any other registry are then reported, digest or not.',
    references: ['https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md', 'https://kubernetes.io/docs/concepts/containers/images/#image-names'],
    mappings: { stride: ['T'], atlas: ['AML.T0010.004', 'AML.T0010.001'], owasp: ['LLM03'], cis: ['5.5.1'], nist: ['SR-4', 'SR-11', 'CM-2'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    // The generic mutable-tag finding on the same image field becomes this one.
    supersedes: ['IG-K8S-113'],
    options: {
      allowedRegistries: {
        type: 'string[]',
        default: [],
        description:
          "Your private mirrors of vendor images (a registry host, or a host/path prefix such as `registry.corp.example/mirror`; Docker Hub as `docker.io/<org>`), allowed besides the vendor's own registries. An image from one of them without a digest is reported as unpinned, not as third-party. Once set, a vendor image from any other registry is reported even when pinned by digest; left empty, a digest-pinned image is accepted from any registry.",
        format: { pattern: REGISTRY_PREFIX, description: 'a registry host or host/path prefix such as registry.corp.example/mirror (no scheme, tag or digest; Docker Hub as docker.io/<org>)' },
      },
    },
    messages: {
      unpinned: "Container '{{container}}' runs {{server}} from {{image}}{{origin}} without a digest: whoever can move the tag changes the server's code.",
      unpinnedThirdParty:
        "Container '{{container}}' runs {{server}} from {{image}}{{origin}}, a registry outside {{expected}}, without a digest: whoever controls that registry decides the server's code.",
      unexpectedRegistry:
        "Container '{{container}}' runs {{server}} from {{image}}{{origin}}, a registry outside {{expected}}: the digest fixes the bytes, not who built them.",
    },
    examples: {
      options: { allowedRegistries: ['registry.corp.example/mirror'] },
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0@sha256:${'0'.repeat(64)}
`,
    },
  },
  create(context) {
    const allowed = context.options.allowedRegistries.map(normalizePrefix);
    return {
      container(container) {
        // A RayJob submitter runs `ray job submit` once and serves nothing.
        if (container.workload.runsToCompletion === true) return;
        const server = modelServerFacts(context.model, container);
        const written = server?.image?.text;
        if (!server?.image || written === undefined || !PLAIN_REFERENCE.test(written)) return;
        const override = kustomizeImageOverride(context.model, container, written);
        const deployed = override?.image ?? written;
        if (!PLAIN_REFERENCE.test(deployed)) return;
        const image = parseImage(deployed);
        // Only the vendor's own image names a vendor; a custom build running the server is the user's.
        const place = location(image);
        const thirdParty =
          server.evidence.includes('image') && server.info.registries.length > 0 && !server.info.registries.some((prefix) => under(place, prefix)) && !allowed.some((prefix) => under(place, prefix));
        // Without an allowlist a digest is enough: mirroring vendor images is the advice, and we do not know your mirrors.
        if (image.digest !== undefined && !(thirdParty && allowed.length > 0)) return;
        const related: RelatedHop[] = override ? [{ at: override.entry, message: `kustomize sets the image to \`${deployed}\`` }] : [];
        const data = { container: container.name || '(unnamed)', server: server.info.title, image: `\`${deployed}\``, origin: override ? ' (as a kustomization sets it)' : '' };
        const expected = `the vendor's own (${server.info.registries.join(', ')})${allowed.length > 0 ? ` and the allowed mirrors (${allowed.join(', ')})` : ''}`;
        if (image.digest !== undefined) context.report({ messageId: 'unexpectedRegistry', data: { ...data, expected }, at: server.image.node, related });
        else if (thirdParty) context.report({ messageId: 'unpinnedThirdParty', data: { ...data, expected }, at: server.image.node, related });
        else context.report({ messageId: 'unpinned', data, at: server.image.node, related });
      },
    };
  },
});
