import { posix } from 'node:path';
import { kustomizeImageOverride } from '../../model/kustomize.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export interface ImageReference {
  /** Registry and repository, e.g. `localhost:5000/team/model-server`. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Splits `[registry[:port]/]repository[:tag][@digest]`. The tag is the part after the last `:`
 * that follows the last `/`, so a registry port (`localhost:5000/x`) is not mistaken for a tag.
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const rest = at === -1 ? image : image.slice(0, at);
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  return {
    name: hasTag ? rest.slice(0, colon) : rest,
    ...(hasTag ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** Tag words that name a moving target rather than a build: `latest-gpu`, `nightly`, `v1.31-latest`, `main`. */
const ROLLING_WORDS = new Set(['latest', 'nightly', 'main', 'master']);
/** A token that fixes the build after such a word: a date stamp or a commit hash (`nightly-20240501`, `main-4f2a9c1`). */
const BUILD_ID = /^(\d{6,}|(?=[0-9a-f]*\d)[0-9a-f]{7,40})$/;

/** Whether a tag follows a branch or release stream, so it is moved to a new image on every build. */
export function isRollingTag(tag: string): boolean {
  const tokens = tag.toLowerCase().split(/[-_.]/);
  const index = tokens.findIndex((token) => ROLLING_WORDS.has(token));
  return index !== -1 && !tokens.slice(index + 1).some((token) => BUILD_ID.test(token));
}

const DOMAIN = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/**
 * The image reference grammar of the distribution project. Anything else (`${IMAGE}`,
 * `{{ .Values.image }}`, `FILLED_BY_THE_OPERATOR`, `ko://…`) is filled in by a tool: the real image is unknown.
 */
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/** The kustomization as the flagged file reaches it: `kustomization.yaml`, `../overlays/prod/kustomization.yaml`. */
function kustomizationPath(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to) || to;
}

export const imageNotPinned = defineRule({
  meta: {
    id: 'IG-K8S-113',
    name: 'image-not-pinned',
    title: 'Image tag mutable',
    severity: 'medium',
    rationale:
      'A tag is a movable pointer: whoever can push to the repository (or a compromised registry or mirror) can replace the model server image, and every node that pulls it afterwards runs the new code with the model, its GPU and its credentials. `latest`, no tag, or a rolling tag (`latest-gpu`, `nightly`, `main`) also makes rollouts unreproducible: it moves with every build. A digest names exactly one image. Where a kustomization in the scanned set rewrites the image (`images:` with `newTag` or `digest`), the image it deploys is judged.',
    remediation:
      'Pin every image by digest (`nvcr.io/nvidia/tritonserver:24.05-py3@sha256:…`); keep the tag for readers. Let your CD tooling (kustomize `images`, Renovate, Flux image automation) update digests.',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
      'https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests',
      'https://github.com/distribution/reference/blob/main/reference.go',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010'], nist: ['SI-7', 'CM-14'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      mutableTag: "Container '{{container}}' image `{{image}}`{{origin}} has no tag or uses `latest`: each pull may run different code.",
      rollingTag:
        "Container '{{container}}' image `{{image}}`{{origin}} uses the rolling tag `{{tag}}`: it moves to a new image with every build or release, so each pull may run different code.",
      notDigest: "Container '{{container}}' image `{{image}}`{{origin}} is pinned by tag only: a tag can be moved to another image. Pin an `@sha256:` digest.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:latest
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3@sha256:${'0'.repeat(64)}
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const imageNode = container.node.get('image');
        const written = imageNode.str()?.trim();
        if (!written || written.length > 512 || !IMAGE_REFERENCE.test(written)) return;
        // kustomize `images` rewrite the tag or pin a digest at build time: judge the image it deploys.
        const override = kustomizeImageOverride(context.model, container, written);
        const image = override?.image ?? written;
        if (!IMAGE_REFERENCE.test(image)) return;
        const reference = parseImageReference(image);
        if (reference.digest !== undefined) return;
        const tag = reference.tag;
        const messageId = tag === undefined || tag === 'latest' ? 'mutableTag' : isRollingTag(tag) ? 'rollingTag' : 'notDigest';
        const related: RelatedHop[] = override ? [{ at: override.entry, message: `kustomize sets the image to \`${image}\`` }] : [];
        context.report({
          messageId,
          data: { container: container.name || '(unnamed)', image, tag: tag ?? '', origin: override ? ` (as ${kustomizationPath(container.workload.object.file.path, override.kustomization.file.path)} sets it)` : '' },
          at: imageNode,
          severity: severityForContainer(messageId === 'notDigest' ? 'low' : 'medium', container),
          related,
        });
      },
    };
  },
});
