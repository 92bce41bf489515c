import { formatVersion } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import { defineRule } from '../define-rule.js';

const RULE = 'IG-ML-006';

export const torchserveImageUnmaintained = defineRule({
  meta: {
    id: RULE,
    name: 'torchserve-image-unmaintained',
    title: 'Vulnerable or unmaintained TorchServe image',
    severity: 'medium',
    rationale:
      'TorchServe is in limited maintenance: the project announces no planned updates, bug fixes or security patches, so a vulnerability found from now on stays open in every release. Releases before 0.8.2 are also exposed to ShellTorch (CVE-2023-43654: the management API fetches a model from any URL and runs it; CVE-2022-1471: SnakeYAML deserialisation), which gives code execution in the model pod to whoever reaches the management port; releases before 0.11.0 let a crafted URL bypass the `allowed_urls` allowlist (CVE-2024-35198), so the same attack works through a configured allowlist. A floating tag (`latest`, no tag) makes the running version unknown and changes it on the next pull. The floors live in `data/version-floors.json`.',
    remediation:
      'Pin a release at or above the floors (0.11.0 or later; prefer the last release, 0.12.0) by version tag and digest, keep the management API private with token authorization on, and plan a migration to a maintained model server (for example KServe / Triton / vLLM for LLMs).',
    references: ['https://github.com/pytorch/serve/blob/master/README.md', 'https://github.com/pytorch/serve/security/advisories/GHSA-8fxr-qfr9-p34w', 'https://docs.pytorch.org/serve/_sources/security.md.txt'],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0049', 'AML.T0010.001'], owasp: ['ML06', 'LLM03'], nist: ['SI-2', 'RA-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs TorchServe {{version}} ({{image}}), below {{floor}} ({{advisories}}): the management API can be made to load and run a model from any URL.",
      floating: "Container '{{container}}' runs TorchServe from a floating image ({{image}}): the version is unknown and TorchServe no longer receives security patches.",
      unmaintained: "Container '{{container}}' runs TorchServe ({{image}}): the project is in limited maintenance and ships no security patches.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.8.1-gpu
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.08-py3
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        // Only the project's own images: a custom image that runs `torchserve` is the user's build.
        if (server?.kind !== 'torchserve' || !server.evidence.includes('image') || !server.image) return;
        const image = server.image;
        const name = container.name || '(unnamed)';
        const match = image.version === undefined ? undefined : floorMatch(RULE, 'torchserve', image.version);
        if (match && image.version) {
          context.report({ messageId: 'vulnerable', data: { container: name, version: formatVersion(image.version), image: image.text, floor: match.upgradeTo, advisories: match.advisories }, at: image.node, severity: match.severity });
        } else if (image.floating) {
          context.report({ messageId: 'floating', data: { container: name, image: image.text }, at: image.node });
        } else {
          context.report({ messageId: 'unmaintained', data: { container: name, image: image.text }, at: image.node });
        }
      },
    };
  },
});
