import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeAttachments } from './gateway-listeners.js';
import { modelOf } from './ml/ml-testing.js';

const gateway = (listeners: string, namespace = 'infra'): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ${namespace}}\nspec:\n  gatewayClassName: istio\n  listeners:\n${listeners}`;
const route = (parentRef: string, extra = '', kind = 'HTTPRoute'): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: r, namespace: llm}\nspec:\n  parentRefs: [${parentRef}]\n${extra}  rules: [{backendRefs: [{name: vllm, port: 8000}]}]\n`;

function attached(...documents: string[]): string[] | undefined {
  const model = modelOf(documents.join('---\n'));
  const object = model.objects.find((candidate) => candidate.kind === 'HTTPRoute' || candidate.kind === 'GRPCRoute');
  assert.ok(object);
  const [first] = routeAttachments(model, object);
  return first?.listeners?.map((listener) => listener.get('name').str() ?? '?');
}

const both = '    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n    - {name: https, port: 443, protocol: HTTPS, allowedRoutes: {namespaces: {from: All}}}\n';

test('sectionName picks a listener, port picks the listeners on it, neither attaches to all that accept the route', () => {
  assert.deepEqual(attached(gateway(both), route('{name: gw, namespace: infra}')), ['http', 'https']);
  assert.deepEqual(attached(gateway(both), route('{name: gw, namespace: infra, sectionName: https}')), ['https']);
  assert.deepEqual(attached(gateway(both), route('{name: gw, namespace: infra, port: 80}')), ['http']);
  assert.deepEqual(attached(gateway(both), route('{name: gw, namespace: infra}', '', 'GRPCRoute')), ['http', 'https']);
  // Core protocol names are case-insensitive.
  assert.deepEqual(attached(gateway('    - {name: plain, port: 80, protocol: http, allowedRoutes: {namespaces: {from: All}}}\n'), route('{name: gw, namespace: infra}')), ['plain']);
});

test('allowedRoutes: Same by default, All, a Selector on the namespace labels; kinds by protocol unless listed', () => {
  const same = '    - {name: http, port: 80, protocol: HTTP}\n';
  assert.deepEqual(attached(gateway(same), route('{name: gw, namespace: infra}')), []);
  assert.deepEqual(attached(gateway(same, 'llm'), route('{name: gw}')), ['http']);
  const selector = '    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: llm}}}}}\n';
  assert.deepEqual(attached(gateway(selector), route('{name: gw, namespace: infra}')), ['http']);
  // A label of a Namespace not in the scanned files: unknown.
  const byTeam = '    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: ml}}}}}\n';
  assert.equal(attached(gateway(byTeam), route('{name: gw, namespace: infra}')), undefined);
  assert.deepEqual(attached(gateway(byTeam), route('{name: gw, namespace: infra}'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: llm, labels: {team: ml}}\n'), ['http']);
  const tlsOnly = '    - {name: tls, port: 443, protocol: TLS, allowedRoutes: {namespaces: {from: All}}}\n';
  assert.deepEqual(attached(gateway(tlsOnly), route('{name: gw, namespace: infra}')), []);
  const grpcOnly = '    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: GRPCRoute}]}}\n';
  assert.deepEqual(attached(gateway(grpcOnly), route('{name: gw, namespace: infra}')), []);
});

test('listener hostname and route hostnames must intersect; a wildcard matches one or more labels', () => {
  const host = (hostname: string): string => `    - {name: http, port: 80, protocol: HTTP, hostname: "${hostname}", allowedRoutes: {namespaces: {from: All}}}\n`;
  const hostnames = (names: string): string => `  hostnames: [${names}]\n`;
  assert.deepEqual(attached(gateway(host('*.example.com')), route('{name: gw, namespace: infra}', hostnames('llm.models.example.com'))), ['http']);
  assert.deepEqual(attached(gateway(host('*.example.com')), route('{name: gw, namespace: infra}', hostnames('example.com'))), []);
  assert.deepEqual(attached(gateway(host('llm.example.com')), route('{name: gw, namespace: infra}', hostnames('"*.example.com"'))), ['http']);
  assert.deepEqual(attached(gateway(host('llm.example.com')), route('{name: gw, namespace: infra}', hostnames('chat.example.com'))), []);
  assert.deepEqual(attached(gateway(host('llm.example.com')), route('{name: gw, namespace: infra}')), ['http']);
});
