import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { torchserveManagementApiExposed } from './torchserve-management-api-exposed.js';
import { torchserveModelApiEnabled } from './torchserve-model-api-enabled.js';

const FIXTURES = 'src/rules/ml/__fixtures__/torchserve-management-api-exposed';

ruleTester(torchserveManagementApiExposed, {
  fixtures: FIXTURES,
  valid: [{ name: 'loopback and unix-socket binds, inference-only Service, config on a volume, 0.11 gRPC default, env ignored without enable_envvars_config', file: 'pass-management-private.yaml' }],
  invalid: [
    {
      name: "the official image's 0.0.0.0 config behind a LoadBalancer, config.properties with the model API on, pre-0.11 gRPC on a NodePort, env behind an Ingress",
      file: 'fail-management-published.yaml',
      errors: [
        { line: 27, messageId: 'management', severity: 'critical' },
        { line: 59, messageId: 'management', severity: 'critical' },
        { line: 124, messageId: 'grpcManagement', severity: 'critical' },
        { line: 166, messageId: 'management', severity: 'critical' },
      ],
    },
  ],
});

test('F.10: management published and the model API on in the same config.properties entry is one finding, under IG-ML-001', () => {
  const findings = summarize(mostSpecificFindings([torchserveManagementApiExposed, torchserveModelApiEnabled], `${FIXTURES}/fail-management-published.yaml`));
  assert.ok(findings.includes('IG-ML-001@59 critical [IG-ML-004]'), findings.join('\n'));
  assert.ok(!findings.some((line) => line.startsWith('IG-ML-004@59')), findings.join('\n'));
});
