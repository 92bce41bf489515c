import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServiceUrl } from './cluster-dns.js';

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
