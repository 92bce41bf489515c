import type { ContainerRef, KubernetesModel } from '../../model/kubernetes.js';
import { formatVersion } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, serverBind, serverPortExposures } from '../../model/ml/server-exposure.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';
import { serverReleases } from './mlflow-version-vulnerable.js';

/**
 * The BentoML port (3000, or `--port` / `BENTOML_PORT`; the API server and Yatai's runner server alike)
 * when a Service lists it or it is exposed (catalogue F.0 "published") and the server listens beyond
 * its pod (`--host` / `BENTOML_HOST`, all interfaces by default in production).
 */
function published(model: KubernetesModel, container: ContainerRef): { port: number; paths: ExposurePath[] } | undefined {
  const server = modelServerFacts(model, container);
  if (server?.kind !== 'bentoml' || serverBind(server, { flags: ['--host'], env: ['BENTOML_HOST'] }).local !== false) return undefined;
  for (const { port, exposure } of serverPortExposures(model, server, 'inference')) {
    if (!exposure.published) continue;
    // Exposed and internet-facing paths first: they are the ones worth naming.
    const paths = [...exposure.paths].sort((a, b) => Number(b.internetFacing) - Number(a.internetFacing) || Number(b.exposed) - Number(a.exposed));
    return { port: port.number, paths };
  }
  return undefined;
}

const RULE = 'IG-ML-050';

export const bentomlVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'bentoml-version-vulnerable',
    title: 'BentoML version with unauthenticated deserialization RCE',
    severity: 'high',
    rationale:
      "BentoML has no authentication of its own, and older releases unpickle request data: from 1.3.4 up to 1.4.2 the API server deserializes a request body with `pickle` when the client picks the right content type (CVE-2025-27520), and from 1.0.0 up to 1.4.7 the runner server does the same from request headers (CVE-2025-32375). Either gives code execution in the serving pod, with its model, credentials and GPU, to whoever reaches the port. The version comes from a `bentoml/*` image tag or from `pip install bentoml==<version>` in the container's command; the floors live in `data/version-floors.json`. The finding is critical when the BentoML port (3000 unless `--port` / `BENTOML_PORT` moves it, for the API server and for a runner server alike) is published: listed by a Service, or exposed by a LoadBalancer, NodePort, Ingress or route.",
    remediation:
      'Build the Bento with BentoML 1.4.8 or later (`bentoml>=1.4.8`; prefer the latest release), never publish runner ports, and front the API port with authentication.',
    references: ['https://github.com/advisories/GHSA-33xw-247w-6hmc', 'https://github.com/advisories/GHSA-7v4r-c989-xh26'],
    mappings: { stride: ['E'], atlas: ['AML.T0049', 'AML.T0050', 'AML.T0011.000'], nist: ['SI-2', 'SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs BentoML {{version}} ({{written}}), below {{floor}} ({{advisories}}): a crafted request is unpickled, so anyone who reaches the server runs code in the pod.",
      vulnerablePublished:
        "Container '{{container}}' runs BentoML {{version}} ({{written}}), below {{floor}} ({{advisories}}), and its port {{port}} is published ({{hop}}): a crafted request from any client that reaches it is unpickled and runs code in the pod.",
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
          const data = { container: container.name || '(unnamed)', version: formatVersion(release.version), written: release.written, floor: match.upgradeTo, advisories: match.advisories };
          const port = published(context.model, container);
          if (port) {
            const hop = port.paths[0]?.hops[0]?.description ?? 'a Service';
            context.report({ messageId: 'vulnerablePublished', data: { ...data, port: port.port, hop }, at: release.node, severity: 'critical', related: hopsOf(port.paths) });
          } else {
            context.report({ messageId: 'vulnerable', data, at: release.node, severity: match.severity });
          }
        }
      },
    };
  },
});
