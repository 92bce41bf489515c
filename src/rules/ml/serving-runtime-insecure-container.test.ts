import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../index.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { servingRuntimeInsecureContainer } from './serving-runtime-insecure-container.js';

const FIXTURES = 'src/rules/ml/__fixtures__/serving-runtime-insecure-container';

ruleTester(servingRuntimeInsecureContainer, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'a hardened auto-selected ClusterServingRuntime (NET_BIND_SERVICE is baseline), runAsNonRoot left to the InferenceService, a disabled runtime',
      file: 'pass-hardened-or-disabled.yaml',
    },
  ],
  invalid: [
    {
      name: 'an auto-selected ClusterServingRuntime (critical) and a namespaced runtime without autoSelect (high)',
      file: 'fail-shared-runtimes.yaml',
      errors: [
        { line: 17, messageId: 'hostNamespace', severity: 'critical' },
        { line: 25, messageId: 'privileged', severity: 'critical' },
        { line: 26, messageId: 'rootUser', severity: 'critical' },
        { line: 28, messageId: 'capabilityAdded', severity: 'critical' },
        { line: 37, messageId: 'hostPath', severity: 'critical' },
        { line: 47, messageId: 'hostNamespace', severity: 'high' },
        { line: 52, messageId: 'nonRootDisabled', severity: 'high' },
      ],
    },
  ],
});

test('on a runtime, IG-ML-065 is the one finding per field: the baseline and GPU rules it supersedes fold into it', () => {
  const superseded = new Set(servingRuntimeInsecureContainer.meta.supersedes);
  const rules = RULES.filter((rule) => rule === servingRuntimeInsecureContainer || superseded.has(rule.meta.id));
  assert.equal(rules.length, superseded.size + 1, 'every superseded id is a registered rule');
  const findings = summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-shared-runtimes.yaml`));
  // Every field IG-ML-065 flags is reported once, under its id; generic findings on fields it does not judge remain.
  const onFlaggedLines = findings.filter((line) => /@(17|25|26|28|37|47|52) /.test(line));
  assert.ok(onFlaggedLines.every((line) => line.startsWith('IG-ML-065@')), onFlaggedLines.join('\n'));
  assert.ok(findings.includes('IG-ML-065@25 critical [IG-K8S-001,IG-K8S-101]'), findings.join('\n'));
  assert.ok(findings.some((line) => /^IG-ML-065@37 critical \[.*IG-K8S-109.*\]$/.test(line)), findings.join('\n'));
  // hostNetwork on a model server is IG-K8S-008's critical: the folded finding keeps the higher severity.
  assert.ok(findings.includes('IG-ML-065@47 critical [IG-K8S-008,IG-K8S-108]'), findings.join('\n'));
});
