import { formatVersion } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { tritonEndpoints } from '../../model/ml/triton.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

const RULE = 'IG-ML-013';

export const tritonVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'triton-version-vulnerable',
    title: 'Triton image older than 25.07',
    severity: 'high',
    rationale:
      "Triton releases before 25.07 carry the August 2025 bulletin's flaws, none of which needs credentials: a stack overflow through chunked HTTP requests on every endpoint (CVE-2025-23310 / CVE-2025-23311, code execution), a crafted HTTP request that starts a reverse shell (CVE-2025-23317), and the Python-backend chain in which an error message leaks the backend's internal shared-memory region name and the shared-memory registration API then accepts that region, giving read / write access to the backend's IPC memory and code execution in the server (CVE-2025-23319 / CVE-2025-23320 / CVE-2025-23334). Whoever reaches the HTTP or gRPC port of such a server can take over the pod, its models and its credentials. Releases before 25.05 / 25.06 add denial-of-service bugs. The severity is critical when the HTTP or gRPC port is exposed outside the namespace (a LoadBalancer or NodePort Service, an Ingress, Gateway or mesh route, a hostPort, an operator's external route). The tag's `YY.MM` is the release (`24.05-py3`, `24.05-trtllm-python-py3`); the floors live in `data/version-floors.json`.",
    remediation:
      'Upgrade `nvcr.io/nvidia/tritonserver` to 25.07 or later (the newest release of the bulletin you track) and pin it by digest. Until then keep the HTTP / gRPC ports cluster-internal behind an authenticating gateway and put `shared-memory`, `logging` and the model-control APIs behind `--http-restricted-api` / `--grpc-restricted-protocol`.',
    references: ['https://github.com/NVIDIA/product-security/blob/main/2025/5687/5687.md', 'https://www.wiz.io/blog/nvidia-triton-cve-2025-23319-vuln-chain-to-ai-server'],
    mappings: { stride: ['E', 'D'], atlas: ['AML.T0049', 'AML.T0050'], owasp: ['ML06'], nist: ['SI-2', 'RA-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs Triton {{version}} ({{image}}), below {{floor}} ({{advisories}}): anyone who reaches its HTTP or gRPC port can exploit it.",
      vulnerableExposed:
        "Container '{{container}}' runs Triton {{version}} ({{image}}), below {{floor}} ({{advisories}}), and its {{protocol}} port {{port}} is reachable from outside the namespace ({{hop}}): anyone who reaches it can exploit it.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      args: ["tritonserver", "--model-repository=s3://models/triton"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.07-py3
      args: ["tritonserver", "--model-repository=s3://models/triton"]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        // Only NVIDIA's image names the release in its tag; a custom image's tag is the user's own.
        // A tag that names no release (a digest only) is left to IG-ML-071.
        if (server?.kind !== 'triton' || !server.evidence.includes('image') || !server.image?.version) return;
        const image = server.image;
        const version = image.version;
        if (!version) return;
        const match = floorMatch(RULE, 'triton', version);
        if (!match) return;
        // `24.05` is the release; formatVersion would print `24.5`.
        const release = version.length >= 2 ? `${version[0]}.${String(version[1]).padStart(2, '0')}` : formatVersion(version);
        const data = { container: container.name || '(unnamed)', version: release, image: image.text, floor: match.upgradeTo, advisories: match.advisories };
        // Exposed: an endpoint that listens on a reachable address and whose port leaves the namespace.
        const exposed: Array<{ protocol: string; port: number; paths: ExposurePath[] }> = [];
        for (const endpoint of tritonEndpoints(server)) {
          if (endpoint.enabled !== true || endpoint.reachable !== true) continue;
          const port = endpoint.port;
          const name = port.declared?.get('name').str();
          const exposure = exposureOfPort(context.model, container.workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
          const paths = exposure.paths.filter((path) => path.exposed).sort((a, b) => Number(b.internetFacing) - Number(a.internetFacing));
          if (paths.length > 0) exposed.push({ protocol: endpoint.protocol, port: port.number, paths });
        }
        const widest = exposed.find((entry) => entry.paths[0]?.internetFacing) ?? exposed[0];
        if (widest) {
          context.report({ messageId: 'vulnerableExposed', data: { ...data, hop: outermostHop(widest.paths), protocol: widest.protocol, port: widest.port }, at: image.node, severity: 'critical', related: hopsOf(exposed.flatMap((entry) => entry.paths)) });
          return;
        }
        context.report({ messageId: 'vulnerable', data, at: image.node, severity: match.severity });
      },
    };
  },
});
