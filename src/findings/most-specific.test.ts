import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from './finding.js';
import { compareFindings, dropRepeats, keepMostSpecific } from './most-specific.js';

function finding(ruleId: string, severity: Finding['severity'], path: string, line = 10): Finding {
  return {
    ruleId,
    ruleName: ruleId.toLowerCase(),
    severity,
    title: ruleId,
    message: ruleId,
    location: { file: 'a.yaml', startLine: line, startColumn: 5, endLine: line, endColumn: 9 },
    resource: { kind: 'Deployment', namespace: 'serving', name: 'triton' },
    path,
    remediation: '',
    mappings: {},
    fingerprint: `${ruleId}-${path}`,
    related: [],
  };
}

const supersedes = (ruleId: string): string[] => (ruleId === 'IG-K8S-001' ? ['IG-K8S-101'] : []);

test('a specific rule replaces the generic one on the same field, keeping the higher severity', () => {
  const generic = finding('IG-K8S-101', 'critical', '/spec/template/spec/containers/0/securityContext/privileged');
  const specific = finding('IG-K8S-001', 'high', '/spec/template/spec/containers/0/securityContext/privileged');
  const kept = keepMostSpecific([generic, specific], supersedes);
  assert.equal(kept.length, 1);
  assert.equal(kept[0]?.ruleId, 'IG-K8S-001');
  assert.equal(kept[0]?.severity, 'critical');
  assert.deepEqual(kept[0]?.alsoMatched, ['IG-K8S-101']);
});

test('different fields or unrelated rules are all kept', () => {
  const a = finding('IG-K8S-101', 'high', '/spec/template/spec/containers/0/securityContext/privileged');
  const b = finding('IG-K8S-001', 'high', '/spec/template/spec/containers/1/securityContext/privileged');
  const c = finding('IG-K8S-106', 'low', '/spec/template/spec/containers/0/securityContext/privileged');
  assert.equal(keepMostSpecific([a, b, c], supersedes).length, 3);
});

test('report order is file, line, column, rule id', () => {
  const sorted = [finding('IG-K8S-106', 'low', '/x', 12), finding('IG-K8S-101', 'high', '/y', 12), finding('IG-K8S-103', 'medium', '/z', 3)].sort(compareFindings);
  assert.deepEqual(sorted.map((item) => item.ruleId), ['IG-K8S-103', 'IG-K8S-101', 'IG-K8S-106']);
});

test('the same finding from several root configurations calling one module is reported once', () => {
  const first = finding('IG-AWS-001', 'high', '/a');
  const repeat = { ...finding('IG-AWS-001', 'high', '/a'), fingerprint: 'other-root' };
  const otherLine = finding('IG-AWS-001', 'high', '/a', 12);
  assert.deepEqual(dropRepeats([first, repeat, otherLine]), [first, otherLine]);
});

test('problems of different statements located at one value (a JSON-string policy) are not folded together', () => {
  const supersedesPassRole = (ruleId: string): string[] => (ruleId === 'IG-AWS-019' ? ['IG-AWS-021'] : []);
  const wildcard = { ...finding('IG-AWS-019', 'high', '/policy'), within: 'Statement[0]' };
  const passRole = { ...finding('IG-AWS-021', 'critical', '/policy'), within: 'Statement[1]' };
  assert.deepEqual(keepMostSpecific([wildcard, passRole], supersedesPassRole).map((each) => each.ruleId), ['IG-AWS-019', 'IG-AWS-021']);
  const samePassRole = { ...passRole, within: 'Statement[0]' };
  assert.deepEqual(keepMostSpecific([wildcard, samePassRole], supersedesPassRole).map((each) => [each.ruleId, each.severity, each.alsoMatched]), [['IG-AWS-019', 'critical', ['IG-AWS-021']]]);
});
