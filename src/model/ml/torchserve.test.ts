import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';
import { torchServeModelApi, torchServeReadsEnv, torchServeSetting } from './torchserve.js';

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
