import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOfNode, containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';
import { hopsOf, hostOf, outermostHop, serverBind, serverPortExposures } from './server-exposure.js';

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata: {name: llm, namespace: llm}
spec:
  selector: {matchLabels: {app: llm}}
  template:
    metadata: {labels: {app: llm}}
    spec:
      containers:
        - name: declared
          image: vllm/vllm-openai:v0.11.0
          ports: [{name: http, containerPort: 8000}]
        - name: moved
          image: vllm/vllm-openai:v0.11.0
          args: ["--port", "8100", "--host", "127.0.0.1"]
        - name: defaulted
          image: ghcr.io/huggingface/text-generation-inference:3.3.4
          env: [{name: HOSTNAME, valueFrom: {configMapKeyRef: {name: absent, key: host}}}]
---
apiVersion: v1
kind: Service
metadata: {name: llm, namespace: llm}
spec:
  type: LoadBalancer
  selector: {app: llm}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: tgi, port: 81, targetPort: 80}
`;

test('serverPortExposures: the exposure of each port, located at its containerPort, the setting that moved it, or the container', () => {
  const model = modelOf(YAML);
  const at = (name: string): Array<[number, boolean, number]> => {
    const server = modelServerFacts(model, containerNamed(model, name));
    assert.ok(server);
    // An absent `ports` is reported at the container (the engine resolves absent values to their parent).
    return serverPortExposures(model, server, 'inference').map(({ port, exposure, at: node }) => [port.number, exposure.exposed, node.exists ? lineOfNode(node) : -1]);
  };
  assert.deepEqual(at('declared'), [[8000, true, 12]]);
  assert.deepEqual(at('moved'), [[8100, false, 15]]);
  assert.deepEqual(at('defaulted'), [[80, true, -1]]);
});

test('serverBind: loopback keeps the server in its pod; the default applies when nothing is written; unreadable is unknown', () => {
  const model = modelOf(YAML);
  const bind = (name: string, query: { flags?: string[]; env?: string[] }, defaultHost?: string): [string | undefined, boolean | undefined] => {
    const server = modelServerFacts(model, containerNamed(model, name));
    assert.ok(server);
    const result = serverBind(server, query, defaultHost);
    return [result.host, result.local];
  };
  assert.deepEqual(bind('moved', { flags: ['--host'] }), ['127.0.0.1', true]);
  assert.deepEqual(bind('declared', { flags: ['--host'] }), ['0.0.0.0', false]);
  assert.deepEqual(bind('declared', { flags: ['--host'] }, '127.0.0.1'), ['127.0.0.1', true]);
  assert.deepEqual(bind('defaulted', { env: ['HOSTNAME'] }), [undefined, undefined]);
});

test('hostOf: bare IPv6 addresses, bracketed addresses with a port, host:port', () => {
  assert.equal(hostOf('::1'), '::1');
  assert.equal(hostOf('[::1]:5000'), '::1');
  assert.equal(hostOf('127.0.0.1:5000'), '127.0.0.1');
  assert.equal(hostOf(' 0.0.0.0 '), '0.0.0.0');
  assert.equal(hostOf(''), undefined);
});

test('hopsOf and outermostHop: each hop once, the internet-facing path named first', () => {
  const model = modelOf(YAML);
  const server = modelServerFacts(model, containerNamed(model, 'declared'));
  assert.ok(server);
  const [exposure] = serverPortExposures(model, server, 'inference');
  assert.ok(exposure);
  const paths = [...exposure.exposure.paths, ...exposure.exposure.paths];
  assert.deepEqual(hopsOf(paths).map((hop) => hop.message), ['Service llm/llm (LoadBalancer) port 80 → targetPort http (8000)']);
  assert.equal(outermostHop(paths), 'Service llm/llm (LoadBalancer) port 80 → targetPort http (8000)');
  assert.equal(outermostHop([]), 'an exposure path');
});
