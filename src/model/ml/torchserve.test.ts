import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';
import { torchServeConfig, torchServeListener, torchServeModelApi, torchServeReadsEnv, torchServeSetting } from './torchserve.js';

function server(config: string, container: string) {
  const model = modelOf(`apiVersion: v1
kind: ConfigMap
metadata: {name: ts}
data:
  config.properties: |
${config.split('\n').map((line) => `    ${line}`).join('\n')}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
${container}
      volumeMounts: [{name: c, mountPath: /home/model-server/config.properties, subPath: config.properties}]
  volumes: [{name: c, configMap: {name: ts}}]
`);
  const found = modelServerFacts(model, containerNamed(model, 'ts'));
  assert.ok(found);
  return found;
}

test('env is read only with enable_envvars_config=true, and then wins over the flag and the file', () => {
  const container = `    - name: ts
      image: pytorch/torchserve:0.12.0-cpu
      env: [{name: TS_ENABLE_MODEL_API, value: "false"}]`;
  const off = server('enable_model_api=true', container);
  assert.equal(torchServeReadsEnv(off), false);
  assert.equal(torchServeSetting(off, { key: 'enable_model_api' })?.source, 'config-file');
  const on = server('enable_envvars_config=true\nenable_model_api=true', container);
  assert.equal(torchServeReadsEnv(on), true);
  assert.equal(torchServeSetting(on, { key: 'enable_model_api' })?.value, 'false');
  assert.equal(torchServeModelApi(on).enabled, false);
});

test('model API: on by default before 0.11, off from 0.11, the flag turns it on', () => {
  assert.equal(torchServeModelApi(server('a=b', '    - name: ts\n      image: pytorch/torchserve:0.10.0-cpu')).enabled, true);
  assert.equal(torchServeModelApi(server('a=b', '    - name: ts\n      image: pytorch/torchserve:0.11.0-cpu')).enabled, false);
  assert.equal(torchServeModelApi(server('a=b', '    - name: ts\n      image: pytorch/torchserve:latest')).enabled, false);
  const flagged = server('a=b', '    - name: ts\n      image: pytorch/torchserve:0.12.0-cpu\n      args: ["torchserve", "--start", "--enable-model-api"]');
  assert.equal(torchServeModelApi(flagged).setting?.source, 'argument');
});

function deployment(container: string, extra = ''): ReturnType<typeof modelOf> {
  return modelOf(`${extra}apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: serving}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
${container}`);
}

test("config source: the official image's baked file, hidden by a volume, a custom image, TS_CONFIG_FILE and workingDir", () => {
  const at = (yaml: ReturnType<typeof modelOf>) => {
    const found = modelServerFacts(yaml, containerNamed(yaml, 'ts'));
    assert.ok(found);
    return torchServeConfig(yaml, found).kind;
  };
  assert.equal(at(deployment('        - {name: ts, image: "pytorch/torchserve:0.12.0-cpu"}\n')), 'image');
  assert.equal(at(deployment('        - {name: ts, image: "docker.io/pytorch/torchserve-nightly:latest-gpu", args: [torchserve, --start, --ts-config, /home/model-server/config.properties]}\n')), 'image');
  assert.equal(at(deployment('        - {name: ts, image: "pytorch/torchserve:0.12.0-cpu", volumeMounts: [{name: h, mountPath: /home/model-server/}]}\n')), 'unknown');
  assert.equal(at(deployment('        - {name: ts, image: "pytorch/torchserve:0.12.0-cpu", workingDir: /srv, args: [torchserve, --start]}\n')), 'unknown');
  // The image's entrypoint passes the path itself: the working directory does not matter then.
  assert.equal(at(deployment('        - {name: ts, image: "pytorch/torchserve:0.12.0-cpu", workingDir: /srv}\n')), 'image');
  assert.equal(at(deployment('        - {name: ts, image: "pytorch/torchserve-kfs:0.12.0"}\n')), 'unknown');
  assert.equal(at(deployment('        - {name: ts, image: "example.com/ts:1", command: [torchserve, --start]}\n')), 'unknown');
  const fromEnv = `apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: serving}
data: {ts.properties: "management_address=http://0.0.0.0:9081"}
---
`;
  const envModel = deployment(
    `        - name: ts
          image: pytorch/torchserve:0.12.0-cpu
          args: [torchserve, --start, --ts-config, /elsewhere/config.properties]
          env: [{name: TS_CONFIG_FILE, value: /etc/ts/ts.properties}]
          volumeMounts: [{name: c, mountPath: /etc/ts}]
      volumes: [{name: c, configMap: {name: c}}]
`,
    fromEnv,
  );
  assert.equal(at(envModel), 'scanned');
  const server = modelServerFacts(envModel, containerNamed(envModel, 'ts'));
  assert.ok(server);
  assert.deepEqual(
    (({ host, port }) => ({ host, port }))(torchServeListener(envModel, server, 'management')),
    { host: '0.0.0.0', port: 9081 },
  );
});

test('listeners: management from the file, the image or the default; gRPC by version and address', () => {
  const listen = (container: string, api: 'management' | 'grpc-inference' | 'grpc-management', extra = '') => {
    const yaml = deployment(container, extra);
    const found = modelServerFacts(yaml, containerNamed(yaml, 'ts'));
    assert.ok(found);
    const { host, port, description } = torchServeListener(yaml, found, api);
    return { host, port, description };
  };
  const image = '        - {name: ts, image: "pytorch/torchserve:0.12.0-cpu"}\n';
  assert.deepEqual(listen(image, 'management'), { host: '0.0.0.0', port: 8081, description: "management_address=http://0.0.0.0:8081 in the image's /home/model-server/config.properties" });
  assert.equal(listen(image, 'grpc-management').host, '127.0.0.1');
  assert.equal(listen('        - {name: ts, image: "pytorch/torchserve:0.10.0-cpu"}\n', 'grpc-inference').host, '0.0.0.0');
  // A floating tag gives no version: the gRPC default is unknown.
  assert.equal(listen('        - {name: ts, image: "pytorch/torchserve:latest-cpu"}\n', 'grpc-inference').host, undefined);
  const config = (text: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: serving}
data:
  config.properties: |
${text.split('\n').map((line) => `    ${line}`).join('\n')}
---
`;
  const mounted = `        - name: ts
          image: pytorch/torchserve:0.12.0-cpu
          volumeMounts: [{name: c, mountPath: /home/model-server/config.properties, subPath: config.properties}]
      volumes: [{name: c, configMap: {name: c}}]
`;
  assert.deepEqual(listen(mounted, 'management', config('inference_address=http://0.0.0.0:8080')), { host: '127.0.0.1', port: 8081, description: "TorchServe's default management_address (http://127.0.0.1:8081)" });
  assert.equal(listen(mounted, 'management', config('management_address=unix:/tmp/management.sock')).host, 'unix');
  assert.equal(listen(mounted, 'management', config('management_address=http://$$ADDR$$:8081')).host, undefined);
  assert.deepEqual(
    (({ host, port }) => ({ host, port }))(listen(mounted, 'grpc-management', config('grpc_management_address=0.0.0.0\ngrpc_management_port=9071'))),
    { host: '0.0.0.0', port: 9071 },
  );
  assert.equal(listen(mounted, 'management', config('management_address=https://[::]:8444')).host, '::');
});
