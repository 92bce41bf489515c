import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import type { Body, TextSpan } from './ast.js';
import { parseTfvars, parseTfvarsJson, parseVariableFile } from './parse-tfvars.js';

function at(file: SourceFile, span: TextSpan): string {
  const start = file.positionAt(span.start);
  const end = file.positionAt(span.end);
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

describe('parseTfvars', () => {
  it('parses attributes with spans', () => {
    const file = new SourceFile('prod.tfvars', '# prod\nregion = "eu-west-1"\ncount  = 3\ntags = { team = "ml" }\n');
    const result = parseTfvars(file);
    assert.deepEqual(result.errors, []);
    const body = result.body as Body;
    assert.deepEqual(
      body.attributes.map((a) => [a.name, at(file, a.span)]),
      [
        ['region', '2:1-2:21'],
        ['count', '3:1-3:11'],
        ['tags', '4:1-4:23'],
      ],
    );
    assert.equal(result.comments.length, 1);
  });

  it('rejects a block at the block', () => {
    const file = new SourceFile('bad.tfvars', 'a = 1\n\nresource "x" "y" {\n}\n');
    const result = parseTfvars(file);
    assert.equal(result.body, undefined);
    assert.equal(result.errors.length, 1);
    const error = result.errors[0];
    assert.ok(error);
    assert.match(error.message, /Blocks are not allowed in a variable definitions file/);
    assert.deepEqual(file.positionAt(error.offset), { line: 3, column: 1 });
  });

  it('passes syntax errors through with their offsets', () => {
    const file = new SourceFile('bad.tfvars', 'a = [1,\n');
    const result = parseTfvars(file);
    assert.equal(result.body, undefined);
    assert.ok((result.errors[0]?.offset ?? -1) >= 0);
  });
});

describe('parseTfvarsJson', () => {
  it('makes every property an attribute holding a literal tree; strings are not templates', () => {
    const text = '{\n  "name": "${not_a_template}",\n  "n": 2,\n  "on": false,\n  "nothing": null,\n  "m": {"a\\"b": ["x", {"y": 1}]},\n  "//": "a variable named //"\n}\n';
    const file = new SourceFile('prod.tfvars.json', text);
    const result = parseTfvarsJson(file);
    assert.deepEqual(result.errors, []);
    const body = result.body as Body;
    assert.equal(body.fromJson, true);
    assert.deepEqual(
      body.attributes.map((a) => a.name),
      ['name', 'n', 'on', 'nothing', 'm', '//'],
    );
    const name = body.attributes[0];
    assert.ok(name?.expr.kind === 'template');
    assert.deepEqual(
      name.expr.parts.map((p) => p.kind === 'text' && p.value),
      ['${not_a_template}'],
    );
    assert.equal(at(file, name.span), '2:3-2:30');
    assert.equal(at(file, name.expr.parts[0]?.span as TextSpan), '2:12-2:29');
    const m = body.attributes[4];
    assert.ok(m?.expr.kind === 'object');
    const item = m.expr.items[0];
    assert.ok(item?.key.kind === 'template');
    assert.deepEqual(
      item.key.parts.map((p) => p.kind === 'text' && p.value),
      ['a"b'],
    );
    assert.equal(at(file, item.key.span), '6:9-6:15');
    assert.ok(item.value.kind === 'tuple' && item.value.elements[1]?.kind === 'object');
  });

  it('rejects duplicates, a non-object root and bad JSON with offsets', () => {
    const cases: ReadonlyArray<readonly [string, RegExp, string]> = [
      ['{"a": 1, "a": 2}', /Duplicate argument/, '1:10'],
      ['["a"]', /root/, '1:1'],
      ['{"a": tru}', /JSON value/, '1:7'],
    ];
    for (const [text, message, where] of cases) {
      const file = new SourceFile('x.tfvars.json', text);
      const result = parseTfvarsJson(file);
      assert.equal(result.body, undefined);
      const error = result.errors[0];
      assert.ok(error, text);
      assert.match(error.message, message);
      const { line, column } = file.positionAt(error.offset);
      assert.equal(`${line}:${column}`, where, text);
    }
  });

  it('dispatches by file name', () => {
    assert.equal(parseVariableFile(new SourceFile('a.tfvars.json', '{"a": "${x}"}')).body?.fromJson, true);
    assert.equal(parseVariableFile(new SourceFile('a.tfvars', 'a = "${x}"\n')).body?.fromJson, undefined);
  });
});

// Every variable file of the shared corpus: no crash, a body or an error for each, counts printed.
const CORPUS = '../shared/corpus';

function variableFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) variableFiles(path, out);
    else if (entry.isFile() && (entry.name.endsWith('.tfvars') || entry.name.endsWith('.tfvars.json'))) out.push(path);
  }
  return out;
}

describe('variable files of the corpus', { skip: existsSync(CORPUS) ? false : `${CORPUS} not found` }, () => {
  it('parses or rejects each one with a reason', () => {
    const files = variableFiles(CORPUS, []).sort();
    assert.ok(files.length > 0, 'the corpus has variable files');
    let parsed = 0;
    const rejected: string[] = [];
    for (const path of files) {
      const file = new SourceFile(relative(CORPUS, path), readFileSync(path, 'utf8'));
      const result = parseVariableFile(file);
      assert.equal(result.body === undefined, result.errors.length > 0, path);
      if (result.body) {
        parsed++;
        assert.equal(result.body.blocks.length, 0, path);
      } else {
        const error = result.errors[0];
        assert.ok(error);
        const { line, column } = file.positionAt(error.offset);
        rejected.push(`${file.path}:${line}:${column}: ${error.message}`);
      }
    }
    console.log(`tfvars corpus: ${files.length} files, ${parsed} parsed, ${rejected.length} rejected`);
    for (const reason of rejected) console.log(`  rejected ${reason}`);
  });
});
