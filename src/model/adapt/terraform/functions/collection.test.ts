import assert from 'node:assert/strict';
import { test } from 'node:test';
import { list, object, str } from '../eval-value.js';
import { call, lst, map, ref, refd, runCases, show, unk, v } from './test-support.js';

const partial = v([v('a'), unk('aws_instance.web', 'string'), v('c')]);

runCases([
  { fn: 'length', args: [v([1, 2, 3])], want: 3 },
  { fn: 'length', args: [v('👾🕹️')], want: 2, label: 'counts grapheme clusters' },
  { fn: 'length', args: [map({ a: 1, b: 2 })], want: 2 },
  { fn: 'length', args: [partial], want: 3, label: 'a known list of unknown elements has a known length' },
  { fn: 'length', args: [unk('aws_instance.web', 'list')], want: { unknown: 'length() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'length', args: [v(true)], error: /must be a string, collection/ },
  { fn: 'concat', args: [lst(['a', '']), lst(['b', 'c'])], want: ['a', '', 'b', 'c'] },
  { fn: 'concat', args: [partial, v(['d'])], want: ['a', { unknown: 'computed aws_instance.web.id' }, 'c', 'd'] },
  { fn: 'concat', args: [v(['a']), unk('aws_instance.web', 'list')], want: { unknown: 'concat() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'concat', args: [v('a')], error: /must be a list/ },
  { fn: 'concat', args: [lst(['a'], 'set')], error: /is a set/ },
  { fn: 'merge', args: [map({ a: 'b', c: 'd' }), map({ e: 'f', c: 'z' })], want: { a: 'b', e: 'f', c: 'z' } },
  { fn: 'merge', args: [v({ a: 1 }), v(null), v({ a: unk('aws_instance.web') })], want: { a: { unknown: 'computed aws_instance.web.id' } } },
  { fn: 'merge', args: [v({ a: 1 }), unk('aws_instance.web', 'object')], want: { unknown: 'merge() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'merge', args: [v({ a: 1 }), v(['x'])], error: /must be a map or object/ },
  { fn: 'lookup', args: [map({ a: 'ay', b: 'bee' }), v('a'), v('what?')], want: 'ay' },
  { fn: 'lookup', args: [map({ a: 'ay', b: 'bee' }), v('c'), v('what?')], want: 'what?' },
  { fn: 'lookup', args: [v({ a: v('x'), b: unk('aws_instance.web') }), v('a')], want: 'x', refs: [], label: 'known element of a partly unknown map' },
  { fn: 'lookup', args: [map({ a: 'ay' }), v('c')], error: /does not exist/ },
  { fn: 'lookup', args: [map({ a: 'ay' }), unk('random_pet.p', 'string')], want: { unknown: 'lookup() of an unknown value' }, refs: ['random_pet.p'] },
  { fn: 'element', args: [v(['a', 'b', 'c']), v(1)], want: 'b' },
  { fn: 'element', args: [v(['a', 'b', 'c']), v(3)], want: 'a', label: 'wraps around' },
  { fn: 'element', args: [partial, v(1)], want: { unknown: 'computed aws_instance.web.id' }, refs: ['aws_instance.web'] },
  { fn: 'element', args: [v([]), v(0)], error: /empty list/ },
  { fn: 'element', args: [v(['a']), v(-1)], error: /negative/ },
  { fn: 'contains', args: [v(['a', 'b', 'c']), v('a')], want: true },
  { fn: 'contains', args: [v(['a', 'b', 'c']), v('d')], want: false },
  { fn: 'contains', args: [v([1, 2]), v('1')], want: false, label: 'no conversion between number and string' },
  { fn: 'contains', args: [partial, v('c')], want: true, label: 'a known match decides' },
  { fn: 'contains', args: [map({ a: 'b' }), v('b')], error: /must be a list/ },
  { fn: 'contains', args: [partial, v('z')], want: { unknown: 'contains() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'coalesce', args: [v('a'), v('b')], want: 'a' },
  { fn: 'coalesce', args: [v(''), v(null), v('b')], want: 'b' },
  { fn: 'coalesce', args: [v(null), unk('aws_instance.web', 'string'), v('b')], want: { unknown: 'coalesce() of an unknown value before the first non-null one' }, refs: ['aws_instance.web'] },
  { fn: 'coalesce', args: [v('a'), unk('aws_instance.web', 'string')], want: 'a', label: 'unknown after the first non-null' },
  { fn: 'coalesce', args: [v(null), v('')], error: /no non-null/ },
  { fn: 'coalescelist', args: [v([]), v(['c', 'd'])], want: ['c', 'd'] },
  { fn: 'coalescelist', args: [v([])], error: /no non-empty/ },
  { fn: 'compact', args: [v(['a', '', 'b', null, 'c'])], want: ['a', 'b', 'c'] },
  { fn: 'distinct', args: [v(['a', 'b', 'a', 'c', 'd', 'b'])], want: ['a', 'b', 'c', 'd'] },
  { fn: 'distinct', args: [partial], want: { unknown: 'distinct() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'flatten', args: [v([['a', 'b'], [], ['c']])], want: ['a', 'b', 'c'] },
  { fn: 'flatten', args: [v([[['a', 'b'], []], ['c']])], want: ['a', 'b', 'c'] },
  { fn: 'flatten', args: [v([['a'], [unk('aws_instance.web', 'string')]])], want: ['a', { unknown: 'computed aws_instance.web.id' }] },
  { fn: 'flatten', args: [v([['a'], unk('aws_instance.web')])], want: { unknown: 'flatten() of a list holding an unknown list' }, refs: ['aws_instance.web'] },
  { fn: 'keys', args: [v({ c: 3, a: 1, b: unk('aws_instance.web') })], want: ['a', 'b', 'c'], label: 'keys are known even when values are not' },
  { fn: 'values', args: [map({ c: 3, a: 1, b: 2 })], want: [1, 2, 3] },
  { fn: 'zipmap', args: [v(['a', 'b']), v([1, 2])], want: { a: 1, b: 2 } },
  { fn: 'zipmap', args: [v(['a']), v([1, 2])], error: /1 keys but 2 values/ },
  { fn: 'slice', args: [v(['a', 'b', 'c', 'd']), v(1), v(3)], want: ['b', 'c'] },
  { fn: 'slice', args: [v(['a']), v(0), v(2)], error: /end index/ },
  { fn: 'index', args: [v(['a', 'b', 'c']), v('b')], want: 1 },
  { fn: 'index', args: [v(['a']), v('z')], error: /not found/ },
  { fn: 'index', args: [partial, v('c')], want: { unknown: 'index() of an unknown value' }, refs: ['aws_instance.web'], label: 'an unknown before the match' },
  { fn: 'reverse', args: [v([1, 2, 3])], want: [3, 2, 1] },
  { fn: 'sort', args: [v(['e', 'd', 'a', 'x', 'B'])], want: ['B', 'a', 'd', 'e', 'x'] },
  { fn: 'sort', args: [v(['10', '9', 2])], want: ['10', '2', '9'], label: 'lexical, numbers as strings' },
  { fn: 'range', args: [v(3)], want: [0, 1, 2] },
  { fn: 'range', args: [v(1), v(4)], want: [1, 2, 3] },
  { fn: 'range', args: [v(1), v(8), v(2)], want: [1, 3, 5, 7] },
  { fn: 'range', args: [v(4), v(1)], want: [4, 3, 2] },
  { fn: 'range', args: [v(0)], want: [] },
  { fn: 'range', args: [v('2')], want: [0, 1], label: 'numeric strings convert' },
  { fn: 'range', args: [v('x')], error: /must be a number/ },
  { fn: 'range', args: [v(1), v(2), v(0)], error: /step must not be zero/ },
  { fn: 'range', args: [v(2000)], error: /more than 1024/ },
  { fn: 'setunion', args: [v(['a', 'b']), v(['b', 'c']), v(['d'])], want: { set: ['a', 'b', 'c', 'd'] } },
  { fn: 'setintersection', args: [v(['a', 'b']), v(['b', 'c']), v(['b', 'd'])], want: { set: ['b'] } },
  { fn: 'setsubtract', args: [v(['a', 'b', 'c']), v(['a', 'c'])], want: { set: ['b'] } },
  { fn: 'setproduct', args: [v(['development', 'staging']), v(['app1', 'app2'])], want: [['development', 'app1'], ['development', 'app2'], ['staging', 'app1'], ['staging', 'app2']] },
  { fn: 'chunklist', args: [v(['a', 'b', 'c', 'd', 'e']), v(2)], want: [['a', 'b'], ['c', 'd'], ['e']] },
  { fn: 'chunklist', args: [v(['a']), v(-1)], error: /positive/ },
  { fn: 'transpose', args: [map({ a: v(['1', '2']), b: v(['2', '3']) })], want: { '1': ['a'], '2': ['a', 'b'], '3': ['b'] } },
  { fn: 'matchkeys', args: [v(['i-123', 'i-abc', 'i-def']), v(['us-west', 'us-east', 'us-east']), v(['us-east'])], want: ['i-abc', 'i-def'] },
  { fn: 'one', args: [v([])], want: null },
  { fn: 'one', args: [v(['hello'])], want: 'hello' },
  { fn: 'one', args: [v(['a', 'b'])], error: /zero or one/ },
  { fn: 'alltrue', args: [v([true, true])], want: true },
  { fn: 'alltrue', args: [v([])], want: true },
  { fn: 'alltrue', args: [v([unk('aws_instance.web', 'bool'), false])], want: false, label: 'a known false decides' },
  { fn: 'alltrue', args: [v([unk('aws_instance.web', 'bool'), true])], want: { unknown: 'alltrue() of an unknown value' }, refs: ['aws_instance.web'] },
  { fn: 'anytrue', args: [v([false, 'true'])], want: true },
  { fn: 'anytrue', args: [v([])], want: false },
  { fn: 'anytrue', args: [v([1])], error: /must be bools/ },
]);

test('references: an element keeps its own facts and gains the container references', () => {
  const element = refd(v('ami-1'), 'data.aws_ami.a');
  const container = list([element, v('x')], 'list', { references: [ref('module.m')] });
  const result = call('element', container, v(0));
  assert.deepEqual(show(result), 'ami-1');
  assert.deepEqual(result.references?.map((reference) => reference.address), ['data.aws_ami.a', 'module.m']);
});

test('references: lookup returns the element with its references, not its siblings', () => {
  const tags = object([
    ['Name', refd(v('web'), 'aws_instance.a')],
    ['Owner', unk('aws_iam_user.u', 'string')],
  ]);
  const result = call('lookup', tags, str('Name'));
  assert.deepEqual(result.references?.map((reference) => reference.address), ['aws_instance.a']);
});

test('references: derived values carry every input reference', () => {
  const result = call('distinct', v([refd(v('a'), 'aws_s3_bucket.a'), refd(v('a'), 'aws_s3_bucket.b')]));
  assert.deepEqual(show(result), ['a']);
  assert.deepEqual(result.references?.map((reference) => reference.address), ['aws_s3_bucket.a', 'aws_s3_bucket.b']);
});

test('references: merge keeps each entry facts and unknown entries', () => {
  const result = call('merge', v({ a: refd(v('x'), 'aws_s3_bucket.a') }), v({ b: unk('aws_instance.web') }));
  assert.equal(result.kind, 'object');
  if (result.kind !== 'object') return;
  assert.deepEqual(result.entries.get('a')?.references?.map((reference) => reference.address), ['aws_s3_bucket.a']);
  assert.equal(result.entries.get('b')?.kind, 'unknown');
});
