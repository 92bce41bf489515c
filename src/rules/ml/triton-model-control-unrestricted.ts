import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf, outermostHop } from '../../model/ml/server-exposure.js';
import { openGroups, tritonEndpoints } from '../../model/ml/triton.js';
import { exposureOfPort } from '../../model/port-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

export const tritonModelControlUnrestricted = defineRule({
  meta: {
    id: 'IG-ML-010',
    name: 'triton-model-control-unrestricted',
    title: 'Triton dynamic model control without a restricted model-repository API',
    severity: 'high',
    rationale:
      "With `--model-control-mode=explicit`, anyone who reaches Triton's HTTP (8000) or gRPC (8001) port can call `POST v2/repository/models/<name>/load` / `unload` and `v2/repository/index`; with `poll`, the server loads whatever appears in the repository. Several backends (the Python backend first) run code shipped inside the model directory and Triton has no sandbox, so loading an attacker-influenced model is code execution in the server, and unloading is a denial of service. NVIDIA's deployment guide warns that enabling dynamic updates can lead to arbitrary code execution. Triton can require a shared-secret header for the `model-repository` API group (`--http-restricted-api` / `--grpc-restricted-protocol`); without it the model-control API is as open as inference. In explicit mode the severity is critical when an endpoint left open is exposed outside the namespace (a LoadBalancer or NodePort Service, an Ingress, Gateway or mesh route, a hostPort, an operator's external route): the load API is then one request away from anyone who can reach it. In poll mode Triton refuses load / unload requests (`explicit model load / unload is not allowed if polling is enabled`), so the risk is who can write the repository, and exposure does not change it.",
    remediation:
      'Use `--model-control-mode=none` (the default) and bake the models into the repository. If models must change at runtime, restrict the APIs on every enabled endpoint, e.g. `--http-restricted-api=model-repository,model-config,shared-memory,logging,trace,statistics:admin-key=<secret>` and the same list with `--grpc-restricted-protocol` (or `--allow-grpc=false`), take the secret from a Secret, and keep the ports on a private Service behind a NetworkPolicy.',
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md#limit-endpoint-access-beta',
      'https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_model_repository.md',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0010.003', 'AML.T0018.002', 'AML.T0050'], owasp: ['ML06', 'ML10'], nist: ['CM-7', 'SI-7', 'AC-3'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      explicitUnrestricted: "Container '{{container}}' (Triton) sets {{setting}} and its {{endpoints}} API does not restrict `model-repository`: anyone who reaches the port can load and unload models, and loading a model runs its code.",
      explicitExposed:
        "Container '{{container}}' (Triton) sets {{setting}}, its {{endpoints}} API does not restrict `model-repository`, and port {{port}} is reachable from outside the namespace ({{hop}}): anyone who reaches it can load and unload models, and loading a model runs its code.",
      pollUnrestricted: "Container '{{container}}' (Triton) sets {{setting}} and its {{endpoints}} API does not restrict `model-repository`: the server loads whatever appears in its repository, and loading a model runs its code.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.07-py3
      args: ["tritonserver", "--model-repository=s3://models/triton", "--model-control-mode=explicit"]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.07-py3
      args:
        - tritonserver
        - --model-repository=s3://models/triton
        - --model-control-mode=explicit
        - --allow-grpc=false
        - --http-restricted-api=model-repository,model-config:admin-key=$(ADMIN_KEY)
      env:
        - name: ADMIN_KEY
          valueFrom: { secretKeyRef: { name: triton-admin, key: key } }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'triton') return;
        // getopt: the last occurrence wins; Triton lower-cases the mode.
        const mode = server.settings({ flags: ['--model-control-mode'] }).at(-1);
        const value = typeof mode?.value === 'string' ? mode.value.trim().toLowerCase() : undefined;
        if (!mode || (value !== 'explicit' && value !== 'poll')) return;
        const open: string[] = [];
        const exposed: Array<{ port: number; paths: ExposurePath[] }> = [];
        for (const endpoint of tritonEndpoints(server)) {
          if (endpoint.enabled === false) continue;
          const unrestricted = openGroups(endpoint, ['model-repository']);
          // Unknown (a value from a Secret, an unreadable flag) is not evidence either way.
          if (endpoint.enabled === undefined || unrestricted === undefined) return;
          if (unrestricted.length === 0) continue;
          open.push(endpoint.protocol);
          if (endpoint.reachable !== true) continue;
          const port = endpoint.port;
          const name = port.declared?.get('name').str();
          const exposure = exposureOfPort(context.model, container.workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
          const paths = exposure.paths.filter((path) => path.exposed).sort((a, b) => Number(b.internetFacing) - Number(a.internetFacing));
          if (paths.length > 0) exposed.push({ port: port.number, paths });
        }
        if (open.length === 0) return;
        const data = { container: container.name || '(unnamed)', setting: mode.description, endpoints: open.join(' and ') };
        // Poll mode refuses load / unload requests: reaching the port does not make it worse.
        const widest = exposed.find((entry) => entry.paths[0]?.internetFacing) ?? exposed[0];
        if (value === 'explicit' && widest) {
          context.report({ messageId: 'explicitExposed', data: { ...data, hop: outermostHop(widest.paths), port: widest.port }, at: mode.node, severity: 'critical', related: hopsOf(exposed.flatMap((entry) => entry.paths)) });
          return;
        }
        context.report({ messageId: value === 'explicit' ? 'explicitUnrestricted' : 'pollUnrestricted', data, at: mode.node });
      },
    };
  },
});
