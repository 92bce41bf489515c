import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { gpuSharingAcrossTenants } from './gpu-sharing-across-tenants.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/gpu-sharing-across-tenants';

ruleTester(gpuSharingAcrossTenants, {
  fixtures: FIXTURES,
  valid: [{ name: 'time-slicing used by one namespace; the other tenant on MIG; a pod without a namespace', file: 'pass-one-tenant.yaml' }],
  invalid: [
    {
      name: 'time-slicing (renamed to .shared) and MPS configs, each requested from two namespaces',
      file: 'fail-time-slicing-two-teams.yaml',
      errors: [
        { line: 7, messageId: 'sharedAcrossNamespaces', severity: 'low' },
        { line: 17, messageId: 'sharedAcrossNamespaces', severity: 'low' },
      ],
    },
  ],
});

test('IG-K8S-017 names the shared resource, the mode and the namespaces', () => {
  const path = `${FIXTURES}/fail-time-slicing-two-teams.yaml`;
  const messages = findingsOf(gpuSharingAcrossTenants, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message).sort();
  assert.match(messages[0] ?? '', /shares `nvidia\.com\/gpu\.shared` by time-slicing.*'team-assistant', 'team-search'/);
  assert.match(messages[1] ?? '', /shares `nvidia\.com\/gpu` by MPS/);
});
