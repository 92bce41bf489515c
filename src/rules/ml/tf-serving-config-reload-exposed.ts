import type { KubernetesModel } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { describeWriters, localPath, modelPaths, pathVolume } from '../../model/ml/model-volumes.js';
import { hopsOf, outermostHop, serverPortExposures } from '../../model/ml/server-exposure.js';
import { mountedFile } from '../../model/ml/settings.js';
import type { Setting } from '../../model/ml/settings.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import { defineRule } from '../define-rule.js';
import type { RelatedHop } from '../define-rule.js';

/** TF Serving's flags take `--name=value`; the last one wins. Undefined when not readable here. */
function seconds(setting: Setting | undefined, fallback: number): number | undefined {
  if (!setting) return fallback;
  const text = typeof setting.value === 'string' ? setting.value.trim() : undefined;
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * `--ssl_config_file` with `client_verify: true` (SSLConfig, tensorflow_serving/config/ssl_config.proto)
 * asks every gRPC client for a certificate: true when the file says so, false when it is readable and
 * does not, undefined when it cannot be read here.
 */
function clientCertificatesRequired(model: KubernetesModel, server: ModelServer): boolean | undefined {
  const setting = server.settings({ flags: ['--ssl_config_file'] }).at(-1);
  if (!setting) return false;
  const path = typeof setting.value === 'string' ? localPath(setting.value) : undefined;
  const file = path === undefined ? undefined : mountedFile(model, server.container, path);
  if (!file) return undefined;
  return /\bclient_verify\s*:\s*true\b/.test(file.text);
}

export const tfServingConfigReloadExposed = defineRule({
  meta: {
    id: 'IG-ML-018',
    name: 'tf-serving-config-reload-exposed',
    title: 'TensorFlow Serving gRPC API (model-config reload) exposed',
    severity: 'high',
    rationale:
      "TensorFlow Serving's gRPC port (8500, `--port`) serves the ModelService next to prediction, and its `HandleReloadConfigRequest` replaces the list of served models with whatever the caller sends: names and base paths, which may point at any storage the server can read. There is no authentication, so anyone who reaches the port decides what model answers every client. The same control is given to whoever can write where the server polls: with `--model_config_file_poll_wait_seconds` > 0 it re-reads the model config file, and it polls each model's base path for new version directories every `--file_system_poll_wait_seconds` (default 1 second; 0 polls once, a negative value never) and serves the newest version it finds, without a restart.\n\nThe rule reports (1) the gRPC port when it is exposed beyond the namespace (catalogue F.0: a LoadBalancer or NodePort Service, an Ingress or route, hostPort / hostNetwork; critical when internet-facing), unless `--ssl_config_file` is a scanned file with `client_verify: true` (an unreadable SSL config is not evidence either way); and (2) a polled model config file or model base path (`--model_base_path`, the config's `base_path` entries, or the image's `${MODEL_BASE_PATH}/${MODEL_NAME}`) on a volume someone can write: the server through a read-write mount of storage that outlives the pod, anyone on the node (hostPath), any pod of the namespace (a ReadWriteMany claim), or a long-running sibling container with a read-write mount. A version directory written there is served at the next poll. Finding (2) replaces IG-K8S-012 on the same mount (one finding per problem).",
    remediation:
      'Keep 8500 cluster-internal: no LoadBalancer / NodePort / Ingress / route / hostPort for it, a ClusterIP Service only if in-cluster gRPC clients need it, and a NetworkPolicy that admits only those clients; give external clients the REST port (8501) behind an authenticating gateway, or require client certificates (`--ssl_config_file` with `client_verify: true`). Mount the model base path and the model config read-only (`readOnly: true`, `persistentVolumeClaim.readOnly: true`) and publish new versions from a separate job; drop `--model_config_file_poll_wait_seconds`, and set `--file_system_poll_wait_seconds=0` when versions should change only on redeploy.',
    references: [
      'https://www.tensorflow.org/tfx/serving/serving_config',
      'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/model_servers/main.cc',
      'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/apis/model_service.proto',
      'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/config/ssl_config.proto',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0018', 'AML.T0010.003'], owasp: ['ML10'], nist: ['CM-7', 'SI-7'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:Ingress'],
    fix: 'none',
    supersedes: ['IG-K8S-012'],
    messages: {
      grpcExposed:
        "Container '{{container}}' (TensorFlow Serving) serves its gRPC ModelService on port {{port}} and {{hop}} exposes it: anyone who reaches it can call HandleReloadConfigRequest and choose the models every client is answered by.",
      pollWritable:
        "Container '{{container}}' (TensorFlow Serving) re-reads {{what}} {{path}} every {{seconds}} s ({{poll}}), and {{volume}} is writable by {{writers}}: whoever writes there swaps the served model without a restart.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: tf-serving, namespace: serving }
spec:
  selector: { matchLabels: { app: tf-serving } }
  template:
    metadata: { labels: { app: tf-serving } }
    spec:
      containers:
        - name: tf-serving
          image: tensorflow/serving:2.15.0
          args: ["--model_name=fraud", "--model_base_path=gs://models/fraud"]
          ports: [{ containerPort: 8500, name: grpc }, { containerPort: 8501, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: tf-serving, namespace: serving }
spec:
  type: LoadBalancer
  selector: { app: tf-serving }
  ports: [{ name: grpc, port: 8500 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: tf-serving, namespace: serving }
spec:
  selector: { matchLabels: { app: tf-serving } }
  template:
    metadata: { labels: { app: tf-serving } }
    spec:
      containers:
        - name: tf-serving
          image: tensorflow/serving:2.15.0
          args: ["--model_name=fraud", "--model_base_path=gs://models/fraud"]
          ports: [{ containerPort: 8500, name: grpc }, { containerPort: 8501, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: tf-serving, namespace: serving }
spec:
  selector: { app: tf-serving }
  ports: [{ name: grpc, port: 8500 }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'tf-serving') return;
        const name = container.name || '(unnamed)';

        if (clientCertificatesRequired(model, server) === false) {
          for (const { port, exposure, at } of serverPortExposures(model, server, 'model-control')) {
            const paths = exposure.paths.filter((path) => path.exposed);
            if (paths.length === 0) continue;
            context.report({
              messageId: 'grpcExposed',
              data: { container: name, port: port.number, hop: outermostHop(paths) },
              at,
              severity: exposure.internetFacing ? 'critical' : 'high',
              related: hopsOf(paths),
            });
          }
        }

        // `--file_system_poll_wait_seconds` (default 1) applies to every model's base path;
        // `--model_config_file_poll_wait_seconds` (default 0: read once) to the config file.
        const versionPoll = server.settings({ flags: ['--file_system_poll_wait_seconds'] }).at(-1);
        const configPoll = server.settings({ flags: ['--model_config_file_poll_wait_seconds'] }).at(-1);
        const polls = { models: { setting: versionPoll, seconds: seconds(versionPoll, 1) }, 'model-config': { setting: configPoll, seconds: seconds(configPoll, 0) } } as const;
        const reported = new Set<string>();
        for (const modelPath of modelPaths(model, server)) {
          if (modelPath.role === 'libraries') continue;
          const poll = polls[modelPath.role];
          if (poll.seconds === undefined || poll.seconds <= 0) continue;
          const volume = pathVolume(model, container, modelPath.path);
          if (!volume || volume.writers.length === 0) continue;
          const key = pointerOf(volume.at.path);
          if (reported.has(key)) continue;
          reported.add(key);
          const related: RelatedHop[] = [];
          if (modelPath.setting) related.push({ at: modelPath.setting.node, message: `polled path: ${modelPath.description}` });
          if (poll.setting) related.push({ at: poll.setting.node, message: `poll interval: ${poll.setting.description}` });
          for (const writer of volume.writers) if (writer.at !== volume.at) related.push({ at: writer.at, message: `can write it: ${writer.description}` });
          context.report({
            messageId: 'pollWritable',
            data: {
              container: name,
              what: modelPath.role === 'model-config' ? 'the model config file' : 'the model base path',
              path: `${modelPath.path} (${modelPath.description})`,
              seconds: poll.seconds,
              poll: poll.setting ? poll.setting.description : '--file_system_poll_wait_seconds defaults to 1',
              volume: volume.description,
              writers: describeWriters(volume.writers),
            },
            at: volume.at,
            related,
          });
        }
      },
    };
  },
});
