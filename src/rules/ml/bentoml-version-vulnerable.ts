import { formatVersion } from '../../model/ml/images.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import { defineRule } from '../define-rule.js';
import { serverReleases } from './mlflow-version-vulnerable.js';

const RULE = 'IG-ML-050';

export const bentomlVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'bentoml-version-vulnerable',
    title: 'BentoML version with unauthenticated deserialization RCE',
    severity: 'high',
    rationale:
      "BentoML has no authentication of its own, and older releases unpickle request data: from 1.3.4 up to 1.4.2 the API server deserializes a request body with `pickle` when the client picks the right content type (CVE-2025-27520), and from 1.0.0 up to 1.4.7 the runner server does the same from request headers (CVE-2025-32375). Either gives code execution in the serving pod, with its model, credentials and GPU, to whoever reaches the port. The version comes from a `bentoml/*` image tag or from `pip install bentoml==<version>` in the container's command; the floors live in `data/version-floors.json`. Where the port is published outside the cluster the impact is critical (raised once exposure analysis lands).",
    remediation:
      'Build the Bento with BentoML 1.4.8 or later (`bentoml>=1.4.8`; prefer the latest release), never publish runner ports, and front the API port with authentication.',
    references: ['https://github.com/advisories/GHSA-33xw-247w-6hmc', 'https://github.com/advisories/GHSA-7v4r-c989-xh26'],
    mappings: { stride: ['E'], atlas: ['AML.T0049', 'AML.T0050', 'AML.T0011.000'], nist: ['SI-2', 'SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs BentoML {{version}} ({{written}}), below {{floor}} ({{advisories}}): a crafted request is unpickled, so anyone who reaches the server runs code in the pod.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bento, namespace: serving }
spec:
  containers:
    - name: bento
      image: python:3.11-slim
      command: [sh, -c, "pip install bentoml==1.4.2 && bentoml serve service:Summarizer --port 3000"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: bento, namespace: serving }
spec:
  containers:
    - name: bento
      image: python:3.11-slim
      command: [sh, -c, "pip install bentoml==1.4.8 && bentoml serve service:Summarizer --port 3000"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        for (const release of serverReleases(context.model, container, 'bentoml')) {
          const match = floorMatch(RULE, 'bentoml', release.version);
          if (!match) continue;
          context.report({ messageId: 'vulnerable', data: { container: container.name || '(unnamed)', version: formatVersion(release.version), written: release.written, floor: match.upgradeTo, advisories: match.advisories }, at: release.node, severity: match.severity });
        }
      },
    };
  },
});
