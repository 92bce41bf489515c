import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { modelServerMetricsPublished } from './model-server-metrics-published.js';

const FIXTURES = 'src/rules/ml/__fixtures__/model-server-metrics-published';

ruleTester(modelServerMetricsPublished, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'ClusterIP metrics Service, metrics off or on loopback, TorchServe config without metrics_address, vLLM published on /, an authenticated metrics Ingress',
      file: 'pass-metrics-internal.yaml',
    },
    {
      name: 'an --allow-metrics value that cannot be read is not evidence',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: t, namespace: n, labels: {app: t}}\nspec:\n  containers:\n    - name: triton\n      image: nvcr.io/nvidia/tritonserver:25.08-py3\n      args: ["tritonserver", "--allow-metrics=$(ALLOW_METRICS)"]\n      ports: [{containerPort: 8002}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: t, namespace: n}\nspec:\n  type: NodePort\n  selector: {app: t}\n  ports: [{port: 8002}]\n',
    },
  ],
  invalid: [
    {
      name: 'Triton behind a public LoadBalancer, TorchServe image on a NodePort, MLServer metrics on an Ingress path, vLLM /metrics routed, a Seldon hostPort',
      file: 'fail-metrics-exposed.yaml',
      errors: [
        { line: 25, messageId: 'metricsPortExposed', severity: 'high' },
        { line: 61, messageId: 'metricsPortExposed', severity: 'medium' },
        { line: 92, messageId: 'metricsPortExposed', severity: 'high' },
        { line: 176, messageId: 'metricsPathRouted', severity: 'high' },
        { line: 193, messageId: 'metricsPortExposed', severity: 'medium' },
      ],
    },
  ],
});

test('the message names the outermost hop of the exposure', () => {
  const path = `${FIXTURES}/fail-metrics-exposed.yaml`;
  const messages = findingsOf(modelServerMetricsPublished, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  assert.match(messages[0] ?? '', /^Container 'triton-inference-server' \(NVIDIA Triton Inference Server\) serves Prometheus metrics on port 8002, and the port is exposed \(Service triton\/example-triton-inference-server \(LoadBalancer\) port 8002/);
  assert.match(messages[3] ?? '', /^Ingress 'vllm' sends `\/metrics` to container 'vllm' \(vLLM\) port 8000/);
});
