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

const DOMAIN = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/**
 * The image reference grammar of the distribution project. Anything else (`${IMAGE}`,
 * `{{ .Values.image }}`, `FILLED_BY_THE_OPERATOR`, `ko://…`) is filled in by a tool: the real image is unknown.
 */
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

export const imageNotPinned = defineRule({
  meta: {
    id: 'IG-K8S-113',
    name: 'image-not-pinned',
    title: 'Image tag mutable',
    severity: 'medium',
    rationale:
      'A tag is a movable pointer: whoever can push to the repository (or a compromised registry or mirror) can replace the model server image, and every node that pulls it afterwards runs the new code with the model, its GPU and its credentials. `latest` or no tag also makes rollouts unreproducible. A digest names exactly one image.',
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
      mutableTag: "Container '{{container}}' image `{{image}}` has no tag or uses `latest`: each pull may run different code.",
      notDigest: "Container '{{container}}' image `{{image}}` is pinned by tag only: a tag can be moved to another image. Pin an `@sha256:` digest.",
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
        const image = imageNode.str()?.trim();
        if (!image || image.length > 512 || !IMAGE_REFERENCE.test(image)) return;
        const reference = parseImageReference(image);
        if (reference.digest !== undefined) return;
        const mutable = reference.tag === undefined || reference.tag === 'latest';
        context.report({
          messageId: mutable ? 'mutableTag' : 'notDigest',
          data: { container: container.name || '(unnamed)', image },
          at: imageNode,
          severity: severityForContainer(mutable ? 'medium' : 'low', container),
        });
      },
    };
  },
});
