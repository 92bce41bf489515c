import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { dangerousCapabilityAdded } from './dangerous-capability-added.js';

const pod = (add: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        capabilities: {add: ${add}}\n`;

ruleTester(dangerousCapabilityAdded, {
  fixtures: 'src/rules/k8s/__fixtures__/dangerous-capability-added',
  valid: [
    { name: 'narrow additions; dangerous names only in drop lists, annotations and ConfigMaps', file: 'pass-narrow.yaml' },
    { name: 'a non-string item is unknown', code: pod('[{name: SYS_ADMIN}]') },
    { name: 'add given as a string is unknown', code: pod('SYS_ADMIN') },
  ],
  invalid: [
    {
      name: 'each item at its line, in any case and with the CAP_ prefix; ALL on a model server',
      file: 'fail-added.yaml',
      errors: [
        { line: 22, messageId: 'dangerousCapability', severity: 'high' },
        { line: 24, messageId: 'dangerousCapability', severity: 'high' },
        { line: 25, messageId: 'dangerousCapability', severity: 'high' },
        { line: 44, messageId: 'dangerousCapability', severity: 'high' },
        { line: 44, messageId: 'dangerousCapability', severity: 'high' },
        { line: 50, messageId: 'allCapabilities', severity: 'critical' },
      ],
    },
    { name: 'SYS_MODULE and DAC_READ_SEARCH', code: pod('[SYS_MODULE, DAC_READ_SEARCH]'), errors: [{ line: 9, messageId: 'dangerousCapability' }, { line: 9, messageId: 'dangerousCapability' }] },
  ],
});

test('IG-K8S-105 does not claim SYS_PTRACE reaches the whole pod when the pod does not share its PID namespace', () => {
  const [finding] = findingsOf(dangerousCapabilityAdded, new SourceFile('inline.yaml', pod('[SYS_PTRACE]')));
  assert.match(finding?.message ?? '', /its own container/);
  assert.doesNotMatch(finding?.message ?? '', /other processes in the pod/);
});
