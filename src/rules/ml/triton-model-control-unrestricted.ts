import type { ModelServer } from '../../model/ml/model-server.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { defineRule } from '../define-rule.js';

/** Triton's boolean options (`ParseOption<bool>`): true / on / 1 and false / off / 0, any case. */
function tritonBoolean(value: string | true | undefined): boolean | undefined {
  if (value === true) return undefined;
  const text = value?.trim().toLowerCase();
  if (text === 'true' || text === 'on' || text === '1') return true;
  if (text === 'false' || text === 'off' || text === '0') return false;
  return undefined;
}

/**
 * Whether an endpoint puts `model-repository` behind a header: `--http-restricted-api=<api>,<api>:<key>=<value>`,
 * repeatable. Undefined when a value is not readable here (`$(VAR)` from a Secret).
 */
function restrictsModelRepository(server: ModelServer, flag: string): boolean | undefined {
  let unknown = false;
  for (const setting of server.settings({ flags: [flag] })) {
    const value = setting.value;
    const colon = typeof value === 'string' ? value.indexOf(':') : -1;
    const apis = typeof value === 'string' ? value.slice(0, colon === -1 ? undefined : colon) : undefined;
    // The header secret may come from a Secret (`$(ADMIN_KEY)`); only the API list must be readable.
    if (apis === undefined || /\$[({]/.test(apis)) {
      unknown = true;
      continue;
    }
    if (colon > 0 && apis.split(',').includes('model-repository')) return true;
  }
  return unknown ? undefined : false;
}

export const tritonModelControlUnrestricted = defineRule({
  meta: {
    id: 'IG-ML-010',
    name: 'triton-model-control-unrestricted',
    title: 'Triton dynamic model control without a restricted model-repository API',
    severity: 'high',
    rationale:
      "With `--model-control-mode=explicit`, anyone who reaches Triton's HTTP (8000) or gRPC (8001) port can call `POST v2/repository/models/<name>/load` / `unload` and `v2/repository/index`; with `poll`, the server loads whatever appears in the repository. Several backends (the Python backend first) run code shipped inside the model directory and Triton has no sandbox, so loading an attacker-influenced model is code execution in the server, and unloading is a denial of service. NVIDIA's deployment guide warns that enabling dynamic updates can lead to arbitrary code execution. Triton can require a shared-secret header for the `model-repository` API group (`--http-restricted-api` / `--grpc-restricted-protocol`); without it the model-control API is as open as inference.",
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
        for (const [label, allow, restricted] of [
          ['HTTP', '--allow-http', '--http-restricted-api'],
          ['gRPC', '--allow-grpc', '--grpc-restricted-protocol'],
        ] as const) {
          const allowSetting = server.settings({ flags: [allow] }).at(-1);
          const enabled = allowSetting === undefined ? true : tritonBoolean(allowSetting.value);
          if (enabled === false) continue;
          const restricts = restrictsModelRepository(server, restricted);
          // Unknown (a value from a Secret, an unreadable flag) is not evidence either way.
          if (enabled === undefined || restricts === undefined) return;
          if (!restricts) open.push(label);
        }
        if (open.length === 0) return;
        context.report({
          messageId: value === 'explicit' ? 'explicitUnrestricted' : 'pollUnrestricted',
          data: { container: container.name || '(unnamed)', setting: mode.description, endpoints: open.join(' and ') },
          at: mode.node,
        });
      },
    };
  },
});
