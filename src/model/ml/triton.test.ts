import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';
import { openGroups, tritonBoolean, tritonEndpoints } from './triton.js';

function endpoints(args: string, env = '') {
  const model = modelOf(`apiVersion: v1
kind: Pod
metadata: {name: p, namespace: serving}
spec:
  containers:
    - name: t
      image: nvcr.io/nvidia/tritonserver:25.08-py3
      args: ${args}
${env}`);
  const server = modelServerFacts(model, containerNamed(model, 't'));
  assert.ok(server);
  return tritonEndpoints(server);
}

test("booleans as Triton's parser reads them", () => {
  assert.deepEqual(['true', 'ON', '1', 'false', 'off', '0', 'yes', true].map((value) => tritonBoolean(value as string | true)), [true, true, true, false, false, false, undefined, undefined]);
});

test('endpoints: on by default on 0.0.0.0; --allow-*, --*-address and the restriction lists', () => {
  const [http, grpc] = endpoints('[tritonserver, --model-repository=/m]');
  assert.deepEqual([http?.protocol, http?.enabled, http?.reachable, http?.port.number], ['HTTP', true, true, 8000]);
  assert.deepEqual([grpc?.protocol, grpc?.enabled, grpc?.reachable, grpc?.port.number], ['gRPC', true, true, 8001]);
  const [off, local] = endpoints('[tritonserver, --allow-http=false, "--grpc-address=[::1]", --grpc-port=9001]');
  assert.equal(off?.enabled, false);
  assert.deepEqual([local?.reachable, local?.port.number], [false, 9001]);
  const [restricted, both] = endpoints('[tritonserver, "--http-restricted-api=shared-memory,trace:k=v", "--grpc-restricted-protocol=logging:k=v", "--grpc-restricted-protocol=statistics,shared-memory:k2=$(KEY)"]');
  assert.ok(restricted && both);
  assert.deepEqual(openGroups(restricted, ['shared-memory', 'logging', 'trace', 'statistics']), ['logging', 'statistics']);
  assert.deepEqual(openGroups(both, ['shared-memory', 'logging', 'trace', 'statistics']), ['trace']);
});

test('a list that cannot be read leaves only what it could close undecided; a malformed value restricts nothing', () => {
  const env = '      env: [{name: APIS, valueFrom: {secretKeyRef: {name: s, key: apis}}}]\n';
  const [http] = endpoints('[tritonserver, "--http-restricted-api=$(APIS):k=v", "--http-restricted-api=model-repository:k2=v2"]', env);
  assert.ok(http);
  assert.equal(openGroups(http, ['logging']), undefined);
  assert.deepEqual(openGroups(http, ['model-repository']), []);
  const [malformed] = endpoints('[tritonserver, "--http-restricted-api=shared-memory"]');
  assert.ok(malformed);
  assert.deepEqual(openGroups(malformed, ['shared-memory']), ['shared-memory']);
});
