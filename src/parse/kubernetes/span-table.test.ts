import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseFastDocument, EMPTY_DOCUMENT } from './fast-yaml.js';

function table(text: string): ReadonlyMap<string, { start: number; end: number }> {
  const parsed = parseFastDocument(text, 0, text.length, 64);
  assert.ok(parsed && parsed !== EMPTY_DOCUMENT);
  return parsed.spans;
}

const TEXT = 'metadata:\n  name: a\n  annotations:\n    a/b: x\n    c~d: y\nspec:\n  items:\n    - 1\n    - k: v\n';

it('a lookup by pointer walks to the node, unescaping ~1 and ~0, before and after the full map is built', () => {
  for (const buildFirst of [false, true]) {
    const spans = table(TEXT);
    if (buildFirst) assert.equal(spans.size, 11);
    assert.deepEqual(spans.get('/metadata/name'), { start: 18, end: 19, keyStart: 12, keyEnd: 16 });
    assert.equal(TEXT.slice(spans.get('/metadata/annotations/a~1b')?.start, spans.get('/metadata/annotations/a~1b')?.end), 'x');
    assert.equal(TEXT.slice(spans.get('/metadata/annotations/c~0d')?.start, spans.get('/metadata/annotations/c~0d')?.end), 'y');
    assert.equal(TEXT.slice(spans.get('/spec/items/1/k')?.start, spans.get('/spec/items/1/k')?.end), 'v');
    assert.equal(spans.get('')?.start, 0);
    for (const missing of ['/spec/items/2', '/metadata/namespace', '/metadata/name/x', 'metadata', '/spec/items/01x']) {
      assert.equal(spans.get(missing), undefined, missing);
      assert.equal(spans.has(missing), false, missing);
    }
    assert.equal(spans.has('/spec/items/0'), true);
  }
});
