import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GoObject, compareGoStrings, goMarshal } from './go-json.js';
import type { GoJson } from './go-json.js';

const cases: Array<{ name: string; value: GoJson; indented: string; compact: string }> = [
  { name: 'empty containers stay on one line', value: new GoObject([['a', []], ['b', new GoObject([])]]), indented: '{\n  "a": [],\n  "b": {}\n}', compact: '{"a":[],"b":{}}' },
  {
    name: 'nesting indents by two spaces per level',
    value: new GoObject([['Statement', [new GoObject([['Action', ['b', 'a']], ['n', 1.5], ['t', true], ['z', null]])]]]),
    indented: '{\n  "Statement": [\n    {\n      "Action": [\n        "b",\n        "a"\n      ],\n      "n": 1.5,\n      "t": true,\n      "z": null\n    }\n  ]\n}',
    compact: '{"Statement":[{"Action":["b","a"],"n":1.5,"t":true,"z":null}]}',
  },
  {
    name: 'HTML characters, U+2028 / U+2029 and control characters are escaped as Go does',
    value: 'a<b>&c\u2028\u2029"\\\n\r\t\b\f\u0001\u007f é 😀',
    indented: '"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f é 😀"',
    compact: '"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f é 😀"',
  },
  { name: 'a lone surrogate is replaced', value: 'x\ud800y', indented: '"x\\ufffdy"', compact: '"x\\ufffdy"' },
  { name: 'a Go map sorts its keys by bytes', value: GoObject.sorted([['b', 1], ['B', 2], ['a', 3], ['\uff01', 4], ['😀', 5]]), indented: '{\n  "B": 2,\n  "a": 3,\n  "b": 1,\n  "！": 4,\n  "😀": 5\n}', compact: '{"B":2,"a":3,"b":1,"！":4,"😀":5}' },
];

for (const { name, value, indented, compact } of cases) {
  test(`goMarshal: ${name}`, () => {
    assert.equal(goMarshal(value, true), indented);
    assert.equal(goMarshal(value, false), compact);
  });
}

test('compareGoStrings orders by code point, unlike UTF-16 comparison', () => {
  // U+FF01 is below U+1F600 as UTF-8 bytes, above its surrogate pair as UTF-16 units.
  assert.ok(compareGoStrings('\uff01', '😀') < 0);
  assert.ok('\uff01' > '😀');
  assert.ok(compareGoStrings('s3:GetObject', 's3:GetObjectAcl') < 0);
  assert.equal(compareGoStrings('a', 'a'), 0);
});
