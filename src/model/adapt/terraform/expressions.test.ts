import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlainValue } from '../../../parse/kubernetes/types.js';
import { evaluateSources } from './test-helpers.js';

/** Evaluates `locals { … }` plus `resource "t" "r" { v = <expr> }` and returns the resource's value and facts. */
function attr(expression: string, prelude = ''): { value: PlainValue; unknown: boolean; references: string[] } {
  const result = evaluateSources({ 'main.tf': `${prelude}\nresource "t" "r" {\n  v = ${expression}\n}\n` });
  const resource = result.model.byAddress('t.r');
  assert.ok(resource, 't.r exists');
  const value = resource.doc.value as { [key: string]: PlainValue };
  const facts = resource.doc.terraform;
  return {
    value: value['v'] as PlainValue,
    unknown: facts?.unknown.has('/v') ?? false,
    references: (facts?.references.get('/v') ?? []).map((reference) => `${reference.address}${reference.key === undefined ? '' : `[${JSON.stringify(reference.key)}]`}.${reference.attribute.join('.')}`),
  };
}

test('literals, tuples, objects', () => {
  assert.deepEqual(attr('[1, "a", true, null]').value, [1, 'a', true, null]);
  assert.deepEqual(attr('{ a = 1, "b" = 2, (local.k) = 3 }', 'locals {\n k = "c"\n}').value, { a: 1, b: 2, c: 3 });
});

test('templates: interpolation, unwrapping, %{if} and %{for}', () => {
  assert.equal(attr('"x-${1 + 1}-${true}"').value, 'x-2-true');
  assert.deepEqual(attr('"${local.l}"', 'locals {\n l = [1, 2]\n}').value, [1, 2]);
  assert.equal(attr('"%{if local.on}yes%{else}no%{endif}"', 'locals {\n on = false\n}').value, 'no');
  assert.equal(attr('"%{for k, v in local.m}${k}=${v};%{endfor}"', 'locals {\n m = { b = 2, a = 1 }\n}').value, 'a=1;b=2;');
  assert.equal(attr('<<-EOT\n    hello ${local.n}\n    EOT', 'locals {\n n = "w"\n}').value, 'hello w\n');
});

test('operators follow HCL conversions and three-valued logic', () => {
  assert.equal(attr('"2" + 3').value, 5);
  assert.equal(attr('7 % 4 * 2 - 1').value, 5);
  assert.equal(attr('"a" == "a" && 1 != 2').value, true);
  assert.equal(attr('1 == "1"').value, false);
  assert.equal(attr('!(3 >= 4)').value, true);
  assert.equal(attr('-local.n', 'locals {\n n = 4\n}').value, -4);
  assert.equal(attr('false && aws_s3_bucket.b.id == "x"', 'resource "aws_s3_bucket" "b" {}').value, false);
  assert.equal(attr('true || aws_s3_bucket.b.id == "x"', 'resource "aws_s3_bucket" "b" {}').value, true);
  const open = attr('true && aws_s3_bucket.b.id == "x"', 'resource "aws_s3_bucket" "b" {}');
  assert.equal(open.unknown, true);
  assert.deepEqual(open.references, ['aws_s3_bucket.b.id']);
});

test('conditionals: known, unknown condition, equal branches', () => {
  assert.equal(attr('local.on ? "a" : "b"', 'locals {\n on = true\n}').value, 'a');
  assert.equal(attr('var.x ? "a" : "b"', 'variable "x" {}').unknown, true);
  assert.equal(attr('var.x ? "same" : "same"', 'variable "x" {}').value, 'same');
});

test('for expressions: tuple, object, filter, grouping', () => {
  assert.deepEqual(attr('[for x in [1, 2, 3] : x * 10 if x != 2]').value, [10, 30]);
  assert.deepEqual(attr('{ for k, v in { a = 1, b = 2 } : upper(k) => v }').value, { A: 1, B: 2 });
  assert.deepEqual(attr('{ for s in ["ab", "ac", "b"] : substr(s, 0, 1) => s... }').value, { a: ['ab', 'ac'], b: ['b'] });
  assert.deepEqual(attr('[for i, x in ["p", "q"] : "${i}${x}"]').value, ['0p', '1q']);
});

test('splats: full, attribute-only, on a single value and on null', () => {
  const prelude = 'locals {\n l = [{ a = { b = 1 } }, { a = { b = 2 } }]\n o = { a = { b = 9 } }\n n = null\n}';
  assert.deepEqual(attr('local.l[*].a.b', prelude).value, [1, 2]);
  assert.deepEqual(attr('local.l.*.a', prelude).value, [{ b: 1 }, { b: 2 }]);
  assert.deepEqual(attr('local.o[*].a.b', prelude).value, [9]);
  assert.deepEqual(attr('local.n[*]', prelude).value, []);
});

test('index and attribute access, legacy index', () => {
  const prelude = 'locals {\n m = { k = ["x", "y"] }\n key = "k"\n}';
  assert.equal(attr('local.m[local.key][1]', prelude).value, 'y');
  assert.equal(attr('local.m.k.0', prelude).value, 'x');
});

test('function calls, argument expansion, unknown function', () => {
  assert.equal(attr('max([3, 9, 2]...)').value, 9);
  assert.equal(attr('join("-", ["a", "b"])').value, 'a-b');
  const missing = attr('no_such_fn(1)');
  assert.equal(missing.unknown, true);
  const bad = attr('element("x", 1)');
  assert.equal(bad.unknown, true);
});

test('try and can evaluate lazily', () => {
  assert.equal(attr('try(local.m.missing, "fallback")', 'locals {\n m = {}\n}').value, 'fallback');
  assert.equal(attr('try(local.m.a, "fallback")', 'locals {\n m = { a = "here" }\n}').value, 'here');
  assert.equal(attr('can(local.m.missing)', 'locals {\n m = {}\n}').value, false);
  assert.equal(attr('can(local.m.a)', 'locals {\n m = { a = 1 }\n}').value, true);
  assert.equal(attr('try(upper(local.m.missing), "nested")', 'locals {\n m = {}\n}').value, 'nested');
  assert.equal(attr('try("${local.m.missing}-x", "template")', 'locals {\n m = {}\n}').value, 'template');
  assert.equal(attr('try(local.m[3], local.m.b)', 'locals {\n m = { b = 2 }\n}').value, 2);
  // An unknown value is not an error: try keeps it (Terraform defers the decision to apply).
  const deferred = attr('try(aws_s3_bucket.b.arn, "x")', 'resource "aws_s3_bucket" "b" {}');
  assert.equal(deferred.unknown, true);
  assert.deepEqual(deferred.references, ['aws_s3_bucket.b.arn']);
});

test('unknown values propagate with their references through strings and functions', () => {
  const prelude = 'resource "aws_s3_bucket" "b" {\n bucket = "known"\n}';
  const interpolated = attr('"arn:aws:s3:::${aws_s3_bucket.b.id}/*"', prelude);
  assert.equal(interpolated.unknown, true);
  assert.equal(interpolated.value, null);
  assert.deepEqual(interpolated.references, ['aws_s3_bucket.b.id']);
  const known = attr('aws_s3_bucket.b.bucket', prelude);
  assert.equal(known.value, 'known');
  assert.equal(known.unknown, false);
  assert.deepEqual(known.references, ['aws_s3_bucket.b.bucket']);
  const upper = attr('upper(aws_s3_bucket.b.id)', prelude);
  assert.equal(upper.unknown, true);
  assert.deepEqual(upper.references, ['aws_s3_bucket.b.id']);
});

test('path, terraform.workspace', () => {
  assert.equal(attr('"${path.module}/${terraform.workspace}"').value, './default');
});

test('locals: lazy, chained, cycle becomes unknown', () => {
  assert.equal(attr('local.c', 'locals {\n c = "${local.b}!"\n b = local.a\n a = "x"\n}').value, 'x!');
  const viaLocal = evaluateSources({ 'main.tf': 'locals {\n  acl = "public-read"\n}\nresource "t" "r" {\n  v = local.acl\n}\n' }).model.byAddress('t.r');
  assert.deepEqual(
    viaLocal?.root.get('v').setBy().map((source) => [source.description, source.start]),
    [['local.acl', 11]],
  );
  const cycle = evaluateSources({ 'main.tf': 'locals {\n a = local.b\n b = local.a\n}\nresource "t" "r" {\n v = local.a\n w = 1\n}\n' });
  const resource = cycle.model.byAddress('t.r');
  assert.ok(resource);
  assert.equal(resource.doc.terraform?.unknown.has('/v'), true);
  assert.equal(resource.root.get('w').number().value, 1);
});

test('templatefile renders with the evaluator', () => {
  const result = evaluateSources(
    { 'main.tf': 'resource "t" "r" {\n v = templatefile("${path.module}/t.tpl", { name = "w", items = ["a", "b"] })\n f = file("data.txt")\n}\n' },
    { extra: { 't.tpl': 'hi ${name}%{ for i in items }-${i}%{ endfor }', 'data.txt': 'content' } },
  );
  const resource = result.model.byAddress('t.r');
  assert.ok(resource);
  assert.deepEqual(resource.doc.value, { v: 'hi w-a-b', f: 'content' });
});

test('a __proto__ key stays a plain key', () => {
  const value = attr('{ "__proto__" = { polluted = true } }').value as { [key: string]: PlainValue };
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});

test('a very long chain of locals becomes unknown instead of exhausting the stack', () => {
  let text = 'locals {\n  l0 = "x"\n';
  for (let i = 1; i < 5000; i++) text += `  l${i} = local.l${i - 1}\n`;
  text += '}\nresource "t" "r" {\n  v = local.l4999\n  w = local.l10\n}\n';
  const { model } = evaluateSources({ 'main.tf': text });
  const r = model.byAddress('t.r');
  assert.ok(r);
  assert.equal(r.root.get('v').state, 'unknown');
  assert.match(r.doc.terraform?.unknownReasons?.get('/v') ?? '', /nested too deeply/);
  assert.equal(r.root.get('w').str(), 'x');
  assert.deepEqual(model.notices, []);
});
