import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { SourceFile } from '../../source/source-file.js';
import { readFileSync } from 'node:fs';
import { torchserveGrpcPortsPublished } from './torchserve-grpc-ports-published.js';
import { torchserveManagementApiExposed } from './torchserve-management-api-exposed.js';

const FIXTURES = 'src/rules/ml/__fixtures__/torchserve-grpc-ports-published';

ruleTester(torchserveGrpcPortsPublished, {
  fixtures: FIXTURES,
  valid: [{ name: 'Istio sidecar, STRICT namespace, Linkerd, loopback gRPC binds from 0.11, a reachable 7071 left to IG-ML-001', file: 'pass-grpc-private.yaml' }],
  invalid: [
    {
      name: 'pre-0.11 gRPC on an internet-facing LoadBalancer, a KServe gRPC predictor route, both ports of a custom build, a PERMISSIVE mesh',
      file: 'fail-grpc-published.yaml',
      errors: [
        { line: 27, messageId: 'grpcInference', severity: 'critical' },
        { line: 58, messageId: 'grpcInference', severity: 'high' },
        { line: 81, messageId: 'grpcInference', severity: 'high' },
        { line: 82, messageId: 'grpcManagement', severity: 'high' },
        { line: 123, messageId: 'grpcInference', severity: 'high' },
      ],
    },
  ],
});

test('7071 is reported once: by IG-ML-001 when its listener is reachable, by IG-ML-005 otherwise', () => {
  for (const file of ['fail-grpc-published.yaml', 'pass-grpc-private.yaml']) {
    const source = new SourceFile(`${FIXTURES}/${file}`, readFileSync(`${FIXTURES}/${file}`, 'utf8'));
    const lines = [...findingsOf(torchserveGrpcPortsPublished, source), ...findingsOf(torchserveManagementApiExposed, source)].filter((finding) => finding.messageId === 'grpcManagement').map((finding) => `${finding.ruleId}@${finding.location.startLine}`);
    assert.equal(new Set(lines.map((line) => line.split('@')[1])).size, lines.length, lines.join(', '));
  }
  const pass = new SourceFile(`${FIXTURES}/pass-grpc-private.yaml`, readFileSync(`${FIXTURES}/pass-grpc-private.yaml`, 'utf8'));
  assert.deepEqual(findingsOf(torchserveManagementApiExposed, pass).map((finding) => `${finding.messageId}@${finding.location.startLine}`), ['grpcManagement@180']);
});
