import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../source/source-file.js';
import { commentDirectives, parseDirectiveText } from './suppressions.js';

test('directive text: ids, names, reason and expiry', () => {
  assert.deepEqual(parseDirectiveText(' IG-K8S-103 runs as root to bind :80'), { rules: ['IG-K8S-103'], reason: 'runs as root to bind :80' });
  assert.deepEqual(parseDirectiveText('IG-K8S-104, writable-root-filesystem: legacy image until=2027-01-31'), {
    rules: ['IG-K8S-104', 'writable-root-filesystem'],
    reason: 'legacy image',
    until: '2027-01-31',
  });
  assert.equal(parseDirectiveText('IG-K8S-103').problem, 'gives no reason (a reason is required)');
  assert.equal(parseDirectiveText('').problem, 'names no rule');
  assert.match(parseDirectiveText('IG-K8S-103 reason until=next-week').problem ?? '', /invalid until= date/);
});

test('comment directives: trailing comments cover their line, own-line comments the next content line', () => {
  const file = new SourceFile(
    'a.yaml',
    [
      '# inferguard:ignore IG-K8S-118 public demo',
      '',
      '# another comment',
      'apiVersion: v1',
      'kind: Service',
      'spec:',
      '  type: LoadBalancer   # inferguard:ignore IG-K8S-118 demo',
      'data:',
      '  note: "# inferguard:ignore is not a comment when quoted"',
    ].join('\n'),
  );
  const directives = commentDirectives(file).map((entry) => ({ line: entry.line, target: entry.targetLine }));
  assert.deepEqual(directives, [
    { line: 1, target: 4 },
    { line: 7, target: 7 },
  ]);
});
