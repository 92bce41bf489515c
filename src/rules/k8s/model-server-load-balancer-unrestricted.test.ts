import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { modelServerLoadBalancerUnrestricted } from './model-server-load-balancer-unrestricted.js';
import { serviceExposedExternally } from './service-exposed-externally.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-server-load-balancer-unrestricted';

ruleTester(modelServerLoadBalancerUnrestricted, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'internal load balancer, source ranges in the field and the annotation, ClusterIP, an LB to an auth-proxy sidecar only, an LB to a web app, a default KubeRay head',
      file: 'pass-restricted.yaml',
    },
    {
      name: 'a Service and a model server in different namespaces',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec:\n  type: LoadBalancer\n  selector: {app: ollama}\n  ports: [{port: 11434}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ollama, namespace: b, labels: {app: ollama}}\nspec:\n  containers: [{name: ollama, image: ollama/ollama:0.12.6}]\n',
    },
    {
      name: 'source ranges that cannot be read are not evidence',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: "{{ .Values.ranges }}"\n  selector: {app: ollama}\n  ports: [{port: 11434}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ollama, labels: {app: ollama}}\nspec:\n  containers: [{name: ollama, image: ollama/ollama:0.12.6}]\n',
    },
  ],
  invalid: [
    {
      name: 'Helm-rendered Triton LoadBalancer, Ollama NodePort, vLLM LoadBalancer open to 0.0.0.0/0 (reported at the range)',
      file: 'fail-helm-rendered.yaml',
      errors: [
        { line: 16, messageId: 'loadBalancerOpen', severity: 'high' },
        { line: 78, messageId: 'nodePort', severity: 'high' },
        { line: 128, messageId: 'loadBalancerOpenRange', severity: 'high' },
      ],
    },
    {
      name: "KubeRay head Services: a RayService's serviceType LoadBalancer and a RayCluster's headService NodePort",
      file: 'fail-kuberay-head-service.yaml',
      errors: [
        { line: 17, messageId: 'loadBalancerOpen', severity: 'high' },
        { line: 46, messageId: 'nodePort', severity: 'high' },
      ],
    },
  ],
});

test('one finding per Service, naming each server container and its ports once', () => {
  const path = `${FIXTURES}/fail-helm-rendered.yaml`;
  const [triton] = findingsOf(modelServerLoadBalancerUnrestricted, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.match(triton?.message ?? '', /NVIDIA Triton Inference Server ports 8000, 8001 and 8002 \(container 'triton-inference-server' of Deployment 'example-triton-inference-server'\)/);
  assert.deepEqual(
    triton?.related.map((hop) => hop.startLine),
    [61, 63, 65],
  );
});

test('IG-K8S-014 replaces IG-K8S-118 on the same Service field, at the higher severity', () => {
  const rules = [serviceExposedExternally, modelServerLoadBalancerUnrestricted];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-helm-rendered.yaml`)), [
    'IG-K8S-014@128 high [IG-K8S-118]',
    'IG-K8S-014@16 high [IG-K8S-118]',
    'IG-K8S-014@78 high [IG-K8S-118]',
  ]);
  // Not a model server's port (an auth-proxy sidecar, a web app): the generic findings stay.
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-restricted.yaml`)), ['IG-K8S-118@125 medium', 'IG-K8S-118@90 high']);
});
