import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';
import { unauthenticatedServerPorts } from './unauthenticated-exposure.js';

const OLLAMA = (env: string, serviceType: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ollama, namespace: llm}
spec:
  selector: {matchLabels: {app: ollama}}
  template:
    metadata: {labels: {app: ollama}}
    spec:
      containers:
        - name: ollama
          image: ollama/ollama:0.17.1
          ${env}
          ports: [{name: http, containerPort: 11434}]
---
apiVersion: v1
kind: Service
metadata: {name: ollama, namespace: llm}
spec:
  type: ${serviceType}
  selector: {app: ollama}
  ports: [{port: 11434, targetPort: http}]
${extra}`;

function open(yaml: string): string[] {
  const model = modelOf(yaml);
  const server = modelServerFacts(model, containerNamed(model, 'ollama'));
  assert.ok(server);
  return unauthenticatedServerPorts(model, server, ['inference'], { bind: { query: { env: ['OLLAMA_HOST'] }, defaultHost: '0.0.0.0' } }).map(
    (entry) => `${entry.port.number}${entry.internetFacing ? ' internet' : ''}: ${entry.open.map((path) => path.kind).join(', ')}`,
  );
}

test('an exposed port with nothing in front', () => {
  assert.deepEqual(open(OLLAMA('', 'LoadBalancer')), ['11434 internet: load-balancer']);
  assert.deepEqual(open(OLLAMA('env: [{name: OLLAMA_HOST, value: "0.0.0.0:11434"}]', 'NodePort')), ['11434: node-port']);
});

test('silent: ClusterIP only, a loopback bind, an unreadable bind, authentication in front', () => {
  assert.deepEqual(open(OLLAMA('', 'ClusterIP')), []);
  assert.deepEqual(open(OLLAMA('env: [{name: OLLAMA_HOST, value: "127.0.0.1:11434"}]', 'LoadBalancer')), []);
  assert.deepEqual(open(OLLAMA('env: [{name: OLLAMA_HOST, valueFrom: {configMapKeyRef: {name: absent, key: host}}}]', 'LoadBalancer')), []);
  const policy = '---\napiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: jwt, namespace: llm}\nspec: {selector: {matchLabels: {app: ollama}}, rules: [{from: [{source: {requestPrincipals: ["*"]}}]}]}\n';
  assert.deepEqual(open(OLLAMA('', 'LoadBalancer', policy)), []);
});
