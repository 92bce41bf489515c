import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { SourceFile } from '../../source/source-file.js';
import { privilegedContainer } from './privileged-container.js';

ruleTester(privilegedContainer, {
  fixtures: 'src/rules/k8s/__fixtures__/privileged-container',
  valid: [
    { name: 'privileged false and look-alike keys', file: 'pass-hardened.yaml' },
    { name: 'privileged given as a string is not known to be true', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {privileged: "true"}\n' },
  ],
  invalid: [
    {
      name: 'init container and GPU container of a Deployment',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 18, messageId: 'privileged', severity: 'high' },
        { line: 26, messageId: 'privilegedGpu', severity: 'critical' },
      ],
    },
    {
      name: 'TPU container: the message names the TPU resource, not GPUs, and the severity is raised',
      file: 'fail-tpu-serving.yaml',
      errors: [{ line: 24, messageId: 'privilegedGpu', severity: 'critical' }],
    },
    { name: 'CronJob inside a List', file: 'fail-cronjob-list.yaml', errors: [{ line: 19, messageId: 'privileged' }] },
  ],
});

test('IG-K8S-101 names the accelerator a privileged container asks for', () => {
  const path = 'src/rules/k8s/__fixtures__/privileged-container/fail-tpu-serving.yaml';
  const [finding] = findingsOf(privilegedContainer, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.match(finding?.message ?? '', /asks for `google\.com\/tpu`/);
  assert.doesNotMatch(finding?.message ?? '', /GPU/);
});
