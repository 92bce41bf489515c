import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { K8sObject } from './kubernetes.js';
import { modelOf } from './ml/ml-testing.js';
import { envoyFilterLimit, openshiftRouteLimit } from './rate-limits.js';

function route(annotations: string): K8sObject {
  return modelOf(`apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: r, annotations: {${annotations}}}\nspec: {to: {kind: Service, name: s}}\n`).objects[0] as K8sObject;
}

test("the OpenShift router's per-client limits: on, with a positive number", () => {
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections: "true", haproxy.router.openshift.io/rate-limit-connections.rate-http: "30"')), 'limited');
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections: "TRUE", haproxy.router.openshift.io/rate-limit-connections.concurrent-tcp: "4"')), 'limited');
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections: "true"')), 'none');
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections.rate-http: "30"')), 'none');
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections: "true", haproxy.router.openshift.io/rate-limit-connections.rate-tcp: "{{ .Values.n }}"')), 'unknown');
  assert.equal(openshiftRouteLimit(route('haproxy.router.openshift.io/rate-limit-connections: "{{ .Values.on }}"')), 'unknown');
});

const FILTER = (namespace: string, selector: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: f, namespace: ${namespace}}
spec:
  ${selector}
  configPatches:
    - applyTo: HTTP_FILTER
      patch: {operation: INSERT_BEFORE, value: {name: envoy.filters.http.local_ratelimit}}
`;

test('Envoy rate-limit filters: on the pods, on the gateway, or not placeable', () => {
  const pods = { namespace: 'llm', labels: { app: 'vllm' }, labelsComplete: true, throughGateway: false, gatewaySelectors: [] };
  const gateway = { ...pods, throughGateway: true, gatewaySelectors: [{ istio: 'ingressgateway' }] };
  assert.equal(envoyFilterLimit(modelOf(FILTER('llm', 'workloadSelector: {labels: {app: vllm}}')), pods), 'limited');
  assert.equal(envoyFilterLimit(modelOf(FILTER('istio-system', '')), pods), 'limited');
  assert.equal(envoyFilterLimit(modelOf(FILTER('llm', 'workloadSelector: {labels: {app: other}}')), pods), 'none');
  assert.equal(envoyFilterLimit(modelOf(FILTER('other', '')), pods), 'none');
  assert.equal(envoyFilterLimit(modelOf(FILTER('istio-system', 'workloadSelector: {labels: {istio: ingressgateway}}')), gateway), 'limited');
  assert.equal(envoyFilterLimit(modelOf(FILTER('gateways', 'workloadSelector: {labels: {app: edge}}')), gateway), 'unknown');
  assert.equal(envoyFilterLimit(modelOf(FILTER('llm', 'targetRefs: [{kind: Service, name: vllm}]')), pods), 'unknown');
  assert.equal(envoyFilterLimit(modelOf(FILTER('llm', 'workloadSelector: {labels: {app: other}}')), { ...pods, labelsComplete: false }), 'unknown');
  assert.equal(envoyFilterLimit(modelOf('apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: f, namespace: llm}\nspec: {configPatches: [{applyTo: HTTP_FILTER, patch: {value: {name: envoy.filters.http.cors}}}]}\n'), pods), 'none');
});
