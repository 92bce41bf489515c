import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { resourceRequestsMissing } from './resource-requests-missing.js';

ruleTester(resourceRequestsMissing, {
  fixtures: 'src/rules/k8s/__fixtures__/resource-requests-missing',
  valid: [
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'requests written, copied from limits, from pod-level limits or a LimitRange', file: 'pass-defaulted.yaml' },
    {
      name: 'requests given as a template string are unknown',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      resources:\n        requests: "{{ .Values.requests }}"\n',
    },
  ],
  invalid: [
    {
      name: 'model server without resources and a sidecar without a memory request; init container covered by its limit',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 23, messageId: 'missingRequests', severity: 'medium' },
        { line: 29, messageId: 'missingMemoryRequest', severity: 'low' },
      ],
    },
    {
      name: 'no container of the pod asks for CPU or memory (TPU only): BestEffort, raised on the TPU container',
      file: 'fail-best-effort-tpu.yaml',
      errors: [
        { line: 27, messageId: 'bestEffort', severity: 'medium' },
        { line: 31, messageId: 'bestEffort', severity: 'low' },
      ],
    },
    { name: 'Job with a memory limit only', file: 'fail-job.yaml', errors: [{ line: 14, messageId: 'missingCpuRequest', severity: 'low' }] },
  ],
});

test('IG-K8S-112 does not claim an unrequested container cannot be scheduled', () => {
  for (const name of ['fail-deployment.yaml', 'fail-best-effort-tpu.yaml']) {
    const path = `src/rules/k8s/__fixtures__/resource-requests-missing/${name}`;
    for (const finding of findingsOf(resourceRequestsMissing, new SourceFile(path, readFileSync(path, 'utf8')))) {
      assert.doesNotMatch(finding.message, /cannot place/);
    }
  }
});
