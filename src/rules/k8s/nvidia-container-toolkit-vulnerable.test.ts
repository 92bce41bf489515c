import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { nvidiaContainerToolkitVulnerable } from './nvidia-container-toolkit-vulnerable.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/nvidia-container-toolkit-vulnerable';

ruleTester(nvidiaContainerToolkitVulnerable, {
  fixtures: FIXTURES,
  valid: [{ name: 'fixed version, disabled toolkit, chart default, a digest, other NVIDIA images', file: 'pass-fixed-or-unknown.yaml' }],
  invalid: [
    {
      name: 'ClusterPolicy toolkit version and toolkit DaemonSet image below the floor',
      file: 'fail-old-toolkit.yaml',
      errors: [
        { line: 12, messageId: 'vulnerableToolkit', severity: 'critical' },
        { line: 28, messageId: 'vulnerableToolkit', severity: 'critical' },
      ],
    },
  ],
});

test('IG-K8S-005 names the floor and the advisories from data/version-floors.json', () => {
  const path = `${FIXTURES}/fail-old-toolkit.yaml`;
  const [first] = findingsOf(nvidiaContainerToolkitVulnerable, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.match(first?.message ?? '', /Toolkit 1\.16\.1, below 1\.17\.8 \(CVE-2024-0132, CVE-2025-23266/);
});
