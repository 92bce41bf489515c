import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { KubernetesModel } from './kubernetes.js';
import { parentGateways, routeBackends } from './routes.js';

function modelOf(files: Record<string, string>): KubernetesModel {
  return adaptKubernetes(Object.entries(files).flatMap(([path, text]) => loadYamlStream(new SourceFile(path, text)))).model;
}

const gateway = (className: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: inference-gateway}\nspec:\n  gatewayClassName: ${className}\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n`;
const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: llm-route}\nspec:\n  parentRefs: [{name: inference-gateway}]\n  rules:\n    - backendRefs: [{name: vllm, port: 8000}]\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: vllm}\nspec:\n  selector: {app: vllm}\n  ports: [{port: 8000}]\n';

// Alternative overlays reuse names (one Gateway per provider); a route belongs to the one beside it.
test('a reference that several scanned objects match resolves to the nearest one', () => {
  const model = modelOf({
    'configs/gateway/gke/gateway.yaml': gateway('gke-l7-regional-external-managed'),
    'configs/gateway/gke/httproute.yaml': route,
    'configs/gateway/istio/gateway.yaml': gateway('istio'),
    'configs/gateway/kgateway/gateway.yaml': gateway('kgateway'),
    'configs/gateway/kgateway/httproute.yaml': route,
    'configs/gateway/kgateway/service.yaml': service,
    'configs/service.yaml': service,
  });
  const routes = model.objects.filter((object) => object.kind === 'HTTPRoute');
  assert.deepEqual(
    routes.map((candidate) => [candidate.file.path, parentGateways(model, candidate)[0]?.object?.file.path]),
    [
      ['configs/gateway/gke/httproute.yaml', 'configs/gateway/gke/gateway.yaml'],
      ['configs/gateway/kgateway/httproute.yaml', 'configs/gateway/kgateway/gateway.yaml'],
    ],
  );
  // The Service beside the route wins over the one in a parent folder.
  const kgatewayRoute = routes[1];
  assert.ok(kgatewayRoute);
  assert.equal(routeBackends(model, kgatewayRoute)[0]?.target?.file.path, 'configs/gateway/kgateway/service.yaml');
});
