import { formatVersion } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { OLLAMA_BIND } from '../../model/ml/ollama.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import { floorMatch, floorsOf } from '../../model/ml/version-floors.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const RULE = 'IG-ML-037';

export const ollamaVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'ollama-version-vulnerable',
    title: 'Vulnerable Ollama version',
    severity: 'high',
    rationale:
      "Ollama has no authentication: whoever reaches port 11434 can pull, create and push models. Old releases turn that into more than model misuse. Before 0.1.34 a malicious registry answering `/api/pull` writes files anywhere through the blob digest (CVE-2024-37032, \"Probllama\": code execution in the pod). Up to 0.3.14 a crafted GGUF upload crashes the server (CVE-2024-12055). Before 0.17.1 a crafted GGUF sent to `/api/create` makes the quantizer read past its heap buffer, and `/api/push` ships the leaked memory (API keys, environment, system prompts, other users' conversations) to the attacker's registry (CVE-2026-7482, \"Bleeding Llama\"). A floating tag (`latest`, `rocm`, no tag) makes the running version unknown. Critical when the API is reachable from outside its namespace with no authentication recognised in front of it (IG-ML-036's condition), since anyone there can reach the vulnerable endpoints. The floors live in `data/version-floors.json`.",
    remediation:
      'Pin `ollama/ollama` to 0.17.1 or later by version tag and digest (`ollama/ollama:0.17.1@sha256:…`), keep port 11434 inside the cluster behind an authenticating proxy, and restrict `/api/pull`, `/api/push`, `/api/create` and `/api/delete` to operators.',
    references: ['https://github.com/golang/vulndb/issues/2901', 'https://github.com/golang/vulndb/issues/3558', 'https://github.com/advisories/GHSA-x8qc-fggm-mpqg', 'https://github.com/golang/vulndb/issues/5748'],
    mappings: { stride: ['E', 'I', 'D'], atlas: ['AML.T0049', 'AML.T0057'], nist: ['SI-2'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs Ollama {{version}} ({{image}}), below {{floor}} ({{advisories}}): anyone who reaches the API can exploit it.",
      vulnerableExposed:
        "Container '{{container}}' runs Ollama {{version}} ({{image}}), below {{floor}} ({{advisories}}), and its unauthenticated API is reachable from outside the namespace ({{hop}}): anyone there can exploit it.",
      versionUnknown: "Container '{{container}}' runs Ollama from {{image}}: the tag names no release, so the version is unknown and may be below {{floor}} ({{advisories}}).",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.6.8
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.17.1
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        // Only Ollama's own image says which release runs; a custom image's tag is the user's.
        if (server?.kind !== 'ollama' || !server.evidence.includes('image') || !server.image) return;
        const image = server.image;
        const name = container.name || '(unnamed)';
        // Catalogue: "high (critical if exposed)": the API reachable from outside the namespace with nothing
        // authenticating in front (IG-ML-036's condition) lets anyone reach the vulnerable endpoints.
        const open = (): Array<{ at: Node; message: string }> => {
          const ports = unauthenticatedServerPorts(context.model, server, ['inference'], { bind: OLLAMA_BIND, skip: ['kserve'] });
          return hopsOf(ports.flatMap((port) => port.open));
        };
        if (image.version) {
          const match = floorMatch(RULE, 'ollama', image.version);
          if (!match) return;
          const related = open();
          const data = { container: name, version: formatVersion(image.version), image: image.text, floor: match.upgradeTo, advisories: match.advisories };
          if (related.length > 0) context.report({ messageId: 'vulnerableExposed', data: { ...data, hop: related[0]?.message ?? '' }, at: image.node, severity: 'critical', related });
          else context.report({ messageId: 'vulnerable', data, at: image.node, severity: match.severity });
          return;
        }
        // A digest pins a build even when the tag names no release: not evidence of an old one.
        if (image.digest !== undefined) return;
        const floors = floorsOf(RULE, 'ollama');
        const highest = floors.at(-1);
        if (!highest) return;
        context.report({ messageId: 'versionUnknown', data: { container: name, image: image.text, floor: highest.belowText, advisories: [...new Set(floors.flatMap((floor) => floor.advisories))].join(', ') }, at: image.node, severity: 'medium' });
      },
    };
  },
});
