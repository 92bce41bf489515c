import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { SourceFile } from '../../source/source-file.js';
import { type JsonValue, ShapeError, toHcl2JsonShape } from './hcl2json-shape.js';
import { parseHcl } from './parse-hcl.js';

// Differential test against HashiCorp's own parser: @cdktf/hcl2json is hclsyntax (v2.17) plus the
// hcl2json converter, compiled to WebAssembly. For every .tf file of the shared corpora (tests run
// from the project root) our tree, projected to hcl2json's JSON shape (hcl2json-shape.ts), must
// equal the oracle's output, or both must reject the file. The corpora hold valid files only, so
// a fixed set of mutants of them (characters deleted, inserted, or the file cut) checks that we
// reject exactly what hclsyntax rejects. The oracle takes about 1.5 ms a file.

const ROOTS = ['../shared/corpus', '../shared/bench', '../shared/peer-suites'];
const MUTANTS = 1500;

interface Oracle {
  parse(filename: string, text: string): Promise<JsonValue>;
}

/** The oracle, loaded once per process (its WebAssembly instance starts with the module); undefined when not installed. */
function loadOracle(): Oracle | undefined {
  try {
    // createRequire, not import: the package's types pull in the DOM library.
    return createRequire(import.meta.url)('@cdktf/hcl2json') as Oracle;
  } catch {
    return undefined;
  }
}

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && entry.name.endsWith('.tf')) out.push(path);
  }
}

type Outcome = { rejected: false; value: JsonValue } | { rejected: true; reason: string };

function ours(text: string): Outcome {
  const result = parseHcl(new SourceFile('oracle.tf', text));
  const error = result.errors[0];
  if (error || !result.body) return { rejected: true, reason: error?.message ?? 'no body' };
  try {
    return { rejected: false, value: toHcl2JsonShape(result.body, text) };
  } catch (error) {
    // What hcl2json cannot convert (block labels mixed with unlabelled blocks, `-` on a string…).
    if (error instanceof ShapeError) return { rejected: true, reason: `shape: ${error.message}` };
    throw error;
  }
}

async function theirs(oracle: Oracle, text: string): Promise<Outcome> {
  try {
    return { rejected: false, value: await oracle.parse('oracle.tf', text) };
  } catch (error) {
    return { rejected: true, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The first path where two JSON values differ, with both sides. */
function firstDifference(a: JsonValue, b: JsonValue, path = ''): string {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const left = a as Record<string, JsonValue>;
    const right = b as Record<string, JsonValue>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (!isDeepStrictEqual(left[key], right[key])) return firstDifference(left[key] ?? null, right[key] ?? null, `${path}/${key}`);
    }
  }
  return `${path || '/'}: ours ${JSON.stringify(a)?.slice(0, 200)}, hcl2json ${JSON.stringify(b)?.slice(0, 200)}`;
}

interface Tally {
  files: number;
  agreed: number;
  bothRejected: number;
  mismatches: string[];
}

async function compare(oracle: Oracle, name: string, text: string, tally: Tally): Promise<void> {
  tally.files++;
  const mine = ours(text);
  const reference = await theirs(oracle, text);
  if (mine.rejected && reference.rejected) tally.bothRejected++;
  else if (!mine.rejected && !reference.rejected && isDeepStrictEqual(mine.value, reference.value)) tally.agreed++;
  else if (mine.rejected) tally.mismatches.push(`${name}: we reject (${mine.reason}), hcl2json accepts`);
  else if (reference.rejected) tally.mismatches.push(`${name}: hcl2json rejects (${reference.reason.slice(0, 300)}), we accept`);
  else tally.mismatches.push(`${name}: ${firstDifference(mine.value, reference.value)}`);
}

function report(tally: Tally, diagnostic: (message: string) => void): void {
  diagnostic(`files ${tally.files} / agreed ${tally.agreed} / both rejected ${tally.bothRejected} / mismatches ${tally.mismatches.length}`);
  for (const mismatch of tally.mismatches.slice(0, 5)) diagnostic(`mismatch: ${mismatch}`);
}

/** `count` mutants of the given files, the same on every run. */
function* mutants(paths: readonly string[], count: number): Generator<[string, string]> {
  let seed = 20240601;
  const random = (bound: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % bound;
  };
  const inserts = ['{', '}', '"', '(', ')', '[', ']', '\n', ',', '=', '$', '%', '~', '.', '*', ':', '?', '#', '/', '<<EOT\n', '\\', '${', '%{', '}\n', '-', '!'];
  for (let i = 0; i < count; i++) {
    const path = paths[random(paths.length)] as string;
    let text = readFileSync(path, 'utf8');
    const edits = 1 + random(2);
    for (let edit = 0; edit < edits && text.length > 0; edit++) {
      const at = random(text.length);
      const kind = random(3);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + random(3));
      else if (kind === 1) text = text.slice(0, at) + (inserts[random(inserts.length)] as string) + text.slice(at);
      else text = text.slice(0, at);
    }
    yield [`mutant ${i} of ${path}`, text];
  }
}

describe('parseHcl against hclsyntax (@cdktf/hcl2json)', () => {
  const oracle = loadOracle();
  const paths: string[] = [];
  for (const root of ROOTS) if (existsSync(root)) collect(root, paths);

  it('agrees on every .tf file of the shared corpora', { timeout: 600_000 }, async (t) => {
    if (!oracle) return t.skip('@cdktf/hcl2json is not installed');
    if (paths.length === 0) return t.skip('no .tf files under ../shared');
    const tally: Tally = { files: 0, agreed: 0, bothRejected: 0, mismatches: [] };
    for (const path of paths) await compare(oracle, path, readFileSync(path, 'utf8'), tally);
    report(tally, (message) => t.diagnostic(message));
    assert.equal(tally.files, paths.length);
    assert.deepEqual(tally.mismatches.slice(0, 5), []);
  });

  it(`accepts and rejects as hclsyntax does on ${MUTANTS} mutants of those files`, { timeout: 600_000 }, async (t) => {
    if (!oracle) return t.skip('@cdktf/hcl2json is not installed');
    if (paths.length === 0) return t.skip('no .tf files under ../shared');
    const tally: Tally = { files: 0, agreed: 0, bothRejected: 0, mismatches: [] };
    for (const [name, text] of mutants(paths, MUTANTS)) await compare(oracle, name, text, tally);
    report(tally, (message) => t.diagnostic(message));
    assert.ok(tally.bothRejected > MUTANTS / 4, 'the mutants should mostly be invalid');
    assert.deepEqual(tally.mismatches.slice(0, 5), []);
  });
});
