import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { openGroups, tritonEndpoints } from '../../model/ml/triton.js';
import type { TritonApiGroup } from '../../model/ml/triton.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

/** The groups this rule wants behind a header, in the order messages list them. */
const DEBUG_GROUPS: readonly TritonApiGroup[] = ['shared-memory', 'logging', 'trace', 'statistics'];

/** The paths worth naming first: internet-facing, then exposed outside the namespace, then the rest. */
function byReach(paths: readonly ExposurePath[]): ExposurePath[] {
  const rank = (path: ExposurePath): number => (path.internetFacing ? 0 : path.exposed ? 1 : 2);
  return [...paths].sort((a, b) => rank(a) - rank(b));
}

export const tritonDebugApisUnrestricted = defineRule({
  meta: {
    id: 'IG-ML-012',
    name: 'triton-debug-apis-unrestricted',
    title: 'Triton shared-memory / logging / trace / statistics APIs unrestricted',
    severity: 'high',
    rationale:
      "Triton's HTTP (8000) and gRPC (8001) endpoints carry, next to inference, API groups no client of a model needs. `shared-memory` registers system and CUDA shared-memory regions: the August 2025 Python-backend chain (CVE-2025-23319 / CVE-2025-23320 / CVE-2025-23334) went from an error message that leaks the backend's internal region name to registering that region through this API, then to reading and writing the backend's IPC memory and running code in the server. `logging` changes the log settings at runtime (in releases whose API accepts `log_file`, the file the server writes its log to); `trace` changes what is traced and, in releases that accept a file setting, where traces are written; `statistics` lists every model with its request counts and timings. Triton authenticates none of them; the only built-in control is `--http-restricted-api` / `--grpc-restricted-protocol`, which puts API groups behind a header secret. This rule fires when an endpoint's port is published (a Service, Ingress, route, hostPort or operator route lists it) and its restriction flags leave any of these groups open; an endpoint turned off (`--allow-http=false`, `--allow-grpc=false`) or bound to loopback is not. Severity is raised to critical when the path is internet-facing.",
    remediation:
      'Put the groups behind a header on every enabled endpoint, with the secret from a Secret: `--http-restricted-api=shared-memory,logging,trace,statistics,model-repository,model-config:admin-key=$(ADMIN_KEY)` and the same list with `--grpc-restricted-protocol` (gRPC clients send it as `triton-grpc-protocol-admin-key`), or turn an endpoint you do not use off (`--allow-grpc=false`). Set `--trace-config level=off` unless you trace, keep the ports on a ClusterIP Service behind an authenticating gateway, and upgrade to 25.07 or later.',
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md#limit-endpoint-access-beta',
      'https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_shared_memory.md',
      'https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_logging.md',
      'https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_trace.md',
      'https://github.com/NVIDIA/product-security/blob/main/2025/5687/5687.md',
      'https://www.wiz.io/blog/nvidia-triton-cve-2025-23319-vuln-chain-to-ai-server',
    ],
    mappings: { stride: ['T', 'E', 'I'], atlas: ['AML.T0049', 'AML.T0050'], nist: ['CM-7', 'AC-3'] },
    targets: ['k8s:Workload', 'k8s:Service'],
    fix: 'none',
    messages: {
      unrestricted:
        "Container '{{container}}' (Triton) publishes its {{protocol}} endpoint on port {{port}} ({{hop}}) with no `{{flag}}`: {{groups}} answer anyone who reaches it, including the shared-memory registration of the 2025 remote-code-execution chain.",
      partlyRestricted:
        "Container '{{container}}' (Triton) publishes its {{protocol}} endpoint on port {{port}} ({{hop}}) and {{setting}} leaves {{groups}} open: anyone who reaches it can call them.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args: ["tritonserver", "--model-repository=s3://models/triton", "--allow-grpc=false"]
          ports: [{ name: http, containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  selector: { app: triton }
  ports: [{ name: http, port: 8000, targetPort: http }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args:
            - tritonserver
            - --model-repository=s3://models/triton
            - --allow-grpc=false
            - --http-restricted-api=shared-memory,logging,trace,statistics:admin-key=$(ADMIN_KEY)
          env:
            - name: ADMIN_KEY
              valueFrom: { secretKeyRef: { name: triton-admin, key: key } }
          ports: [{ name: http, containerPort: 8000 }]
---
apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  selector: { app: triton }
  ports: [{ name: http, port: 8000, targetPort: http }]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'triton') return;
        for (const endpoint of tritonEndpoints(server)) {
          // Off, on loopback, or not readable here: nothing to say.
          if (endpoint.enabled !== true || endpoint.reachable !== true) continue;
          const open = openGroups(endpoint, DEBUG_GROUPS);
          if (!open || open.length === 0) continue;
          const port = endpoint.port;
          const name = port.declared?.get('name').str();
          const exposure = exposureOfPort(context.model, container.workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
          if (!exposure.published) continue;
          const paths = byReach(exposure.paths);
          const restriction = endpoint.restrictions.settings.at(-1);
          const data = {
            container: container.name || '(unnamed)',
            protocol: endpoint.protocol,
            port: port.number,
            hop: outermostHop(paths),
            groups: open.map((group) => `\`${group}\``).join(', '),
            flag: endpoint.protocol === 'HTTP' ? '--http-restricted-api' : '--grpc-restricted-protocol',
            // The header secret after the `:` is never repeated in a report.
            setting: restriction && typeof restriction.value === 'string' ? `${restriction.name}=${restriction.value.split(':')[0] ?? ''}:…` : '',
          };
          context.report({
            messageId: restriction ? 'partlyRestricted' : 'unrestricted',
            data,
            at: restriction?.node ?? port.declared?.get('containerPort') ?? port.setBy?.node ?? paths[0]?.hops.at(-1)?.at ?? server.image?.node ?? container.node,
            severity: exposure.internetFacing ? 'critical' : 'high',
            related: hopsOf(paths),
          });
        }
      },
    };
  },
});
