import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { loadEmbeddedYaml } from './embedded-yaml.js';
import { loadYamlStream } from './load-yaml.js';
import type { ParsedDocument, Path } from './types.js';
import { pointerOf } from './types.js';

function embedded(text: string, path: Path) {
  const doc = loadYamlStream(new SourceFile('outer.yaml', text))[0] as ParsedDocument;
  let value: unknown = doc.value;
  for (const segment of path) value = (value as Record<string | number, unknown>)[segment];
  return loadEmbeddedYaml(doc, path, value as string);
}

function lineAt(result: ReturnType<typeof embedded>, path: Path): number | undefined {
  const span = result.document?.spans.get(pointerOf(path));
  return span === undefined ? undefined : result.document?.file.positionAt(span.keyStart ?? span.start).line;
}

test('a literal block scalar: every value inside keeps its own line and column, blank lines included', () => {
  const text = 'spec:\n  serveConfigV2: |\n    applications:\n\n      - name: app\n        runtime_env:\n          pip: [torch, "numpy==1.26.4"]\n  other: 1\n';
  const result = embedded(text, ['spec', 'serveConfigV2']);
  assert.equal(result.located, true);
  assert.deepEqual(result.document?.value, { spec: { serveConfigV2: { applications: [{ name: 'app', runtime_env: { pip: ['torch', 'numpy==1.26.4'] } }] } } });
  assert.equal(lineAt(result, ['spec', 'serveConfigV2']), 2);
  assert.equal(lineAt(result, ['spec', 'serveConfigV2', 'applications', 0, 'name']), 5);
  const torch = result.document?.spans.get('/spec/serveConfigV2/applications/0/runtime_env/pip/0');
  assert.ok(torch);
  assert.equal(text.slice(torch.start, torch.end), 'torch');
  const numpy = result.document?.spans.get('/spec/serveConfigV2/applications/0/runtime_env/pip/1');
  assert.ok(numpy);
  assert.equal(text.slice(numpy.start, numpy.end), '"numpy==1.26.4"');
});

test('CRLF line breaks and `|-` chomping map the same way', () => {
  const text = 'spec:\r\n  runtimeEnvYAML: |-\r\n    pip:\r\n      - torch\r\n';
  const result = embedded(text, ['spec', 'runtimeEnvYAML']);
  assert.equal(result.located, true);
  const span = result.document?.spans.get('/spec/runtimeEnvYAML/pip/0');
  assert.ok(span);
  assert.equal(text.slice(span.start, span.end), 'torch');
});

test('quoted and folded strings are decoded but not located: their values resolve to the key', () => {
  for (const text of ['spec:\n  runtimeEnvYAML: "pip: [torch]"\n', 'spec:\n  runtimeEnvYAML: >\n    pip: [torch]\n']) {
    const result = embedded(text, ['spec', 'runtimeEnvYAML']);
    assert.equal(result.located, false);
    assert.deepEqual(result.document?.value, { spec: { runtimeEnvYAML: { pip: ['torch'] } } });
    assert.equal(result.document?.spans.get('/spec/runtimeEnvYAML/pip/0'), undefined);
    assert.equal(lineAt(result, ['spec', 'runtimeEnvYAML']), 2);
  }
});

test('invalid or multi-document YAML is an error, never a throw', () => {
  assert.ok(embedded('spec:\n  x: "a: [unclosed"\n', ['spec', 'x']).error);
  assert.ok(embedded('spec:\n  x: |\n    a: 1\n    ---\n    b: 2\n', ['spec', 'x']).error);
});
