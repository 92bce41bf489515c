import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { ingressWithoutTls } from './ingress-without-tls.js';
import { modelServerRouteWithoutTls } from './model-server-route-without-tls.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-server-route-without-tls';

ruleTester(modelServerRouteWithoutTls, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'wildcard TLS, an ALB certificate, cleartext only to an auth proxy, HTTPS listeners, a detached route, an unscanned Gateway, edge Redirect and passthrough Routes, a web app',
      file: 'pass-tls.yaml',
    },
  ],
  invalid: [
    {
      name: 'Ollama Ingress without tls (internet-facing), TGI API host outside the certificate on an internal class',
      file: 'fail-ingress.yaml',
      errors: [
        { line: 52, messageId: 'ingressNoTls', severity: 'high' },
        { line: 114, messageId: 'ingressHostNotCovered', severity: 'medium' },
      ],
    },
    {
      name: 'HTTP-only Gateway to vLLM, a GRPCRoute to Triton pinned to the HTTP listener, OpenShift Routes without TLS or allowing HTTP',
      file: 'fail-gateway-and-routes.yaml',
      errors: [
        { line: 13, messageId: 'gatewayHttpOnly', severity: 'high' },
        { line: 70, messageId: 'gatewayHttpOnly', severity: 'high' },
        { line: 128, messageId: 'routeNoTls', severity: 'high' },
        { line: 149, messageId: 'routeInsecureAllowed', severity: 'high' },
      ],
    },
  ],
});

test('IG-K8S-015 replaces IG-K8S-119 on the same Ingress or Gateway field; the generic rule keeps what is not a model server', () => {
  const rules = [ingressWithoutTls, modelServerRouteWithoutTls];
  // IG-K8S-119 raises its severity for a model-server backend; the folded finding keeps the higher one.
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-ingress.yaml`)), ['IG-K8S-015@114 high [IG-K8S-119]', 'IG-K8S-015@52 high [IG-K8S-119]']);
  // The Gateway with an HTTPS listener is not IG-K8S-119's; OpenShift Routes are this rule's only.
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-gateway-and-routes.yaml`)), [
    'IG-K8S-015@128 high',
    'IG-K8S-015@13 high [IG-K8S-119]',
    'IG-K8S-015@149 high',
    'IG-K8S-015@70 high',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-tls.yaml`)), ['IG-K8S-119@146 high', 'IG-K8S-119@203 medium', 'IG-K8S-119@82 high']);
});
