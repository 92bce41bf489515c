import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterServiceOfUrl, parseServiceUrl } from './cluster-dns.js';

test('cluster DNS names, the pod itself and service.namespace are in the cluster; public names and addresses are not; private addresses are unknown', () => {
  const cases: Array<[string, string | undefined, boolean | undefined]> = [
    ['http://message-dumper.default/', 'http', true],
    ['http://message-dumper/', 'http', true],
    ['http://broker-ingress.knative-eventing.svc.cluster.local/default/default', 'http', true],
    ['https://sink.observability.svc:8443/x', 'https', true],
    ['http://localhost:8080', 'http', true],
    ['http://127.0.0.1:8080', 'http', true],
    ['https://logs.example.com/ingest', 'https', false],
    ['http://example.io', 'http', false],
    ['http://user:pass@collector.vendor.net/v1', 'http', false],
    ['http://34.120.1.5/hook', 'http', false],
    ['http://10.0.0.5:9000/', 'http', undefined],
    ['http://{{ .Values.sink }}/', 'http', undefined],
  ];
  for (const [url, scheme, inCluster] of cases) {
    const parsed = parseServiceUrl(url);
    assert.equal(parsed?.scheme, scheme, url);
    assert.equal(parsed?.inCluster, inCluster, url);
  }
  assert.equal(parseServiceUrl('message-dumper.default'), undefined);
});

test('a URL names a Service by its cluster DNS name: name, namespace, port', () => {
  assert.deepEqual(clusterServiceOfUrl('http://mlflow:5000', 'serving'), { name: 'mlflow', namespace: 'serving', port: 5000 });
  assert.deepEqual(clusterServiceOfUrl('http://mlflow.mlops/api', 'serving'), { name: 'mlflow', namespace: 'mlops', port: 80 });
  assert.deepEqual(clusterServiceOfUrl('https://mlflow.mlops.svc.cluster.local', undefined), { name: 'mlflow', namespace: 'mlops', port: 443 });
  assert.deepEqual(clusterServiceOfUrl('http://user:pw@mlflow.mlops.svc:8080/', undefined), { name: 'mlflow', namespace: 'mlops', port: 8080 });
  for (const url of ['http://mlflow.example.com', 'http://10.0.0.5:5000', 'http://localhost:5000', 'grpc://mlflow:5000', 'http://pod-0.mlflow.mlops.svc.cluster.local', 'http://{{ .Values.host }}:5000', 'databricks']) {
    assert.equal(clusterServiceOfUrl(url, 'serving'), undefined, url);
  }
});
