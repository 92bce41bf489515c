import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { it } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { EMPTY_DOCUMENT, parseFastDocument } from './fast-yaml.js';
import { DEFAULT_LIMITS, loadDocumentsFull } from './full-yaml.js';
import { loadYamlStream } from './load-yaml.js';
import { splitDocuments } from './split-documents.js';
import type { ParsedDocument } from './types.js';

// Differential test over every YAML/JSON file of the shared corpora (tests run from the project
// root): wherever the fast path accepts a document, its value and every span must equal those of
// the full path (the `yaml` package). Helm templates are included: both paths must agree on them
// or the fast path must bail.

const ROOTS = ['../shared/corpus', '../shared/bench'];

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(path);
  }
}

/** Where the fast document differs from the full path's, or undefined. */
function difference(fast: Exclude<ReturnType<typeof parseFastDocument>, undefined>, full: ParsedDocument[]): string | undefined {
  if (fast === EMPTY_DOCUMENT) return full.length === 0 ? undefined : 'empty for the fast path only';
  const reference = full[0];
  if (full.length !== 1 || !reference) return `${full.length} documents for the full path`;
  if (reference.error) return `the full path reports ${reference.error.code}: ${reference.error.message}`;
  if (!isDeepStrictEqual(fast.value, reference.value)) return 'values differ';
  if (fast.start !== reference.start || fast.end !== reference.end) return `document range ${fast.start}-${fast.end} vs ${reference.start}-${reference.end}`;
  // Lookups first: the fast path's table answers them by walking its rows, before anything builds its map.
  for (const [pointer, span] of reference.spans) {
    const other = fast.spans.get(pointer);
    if (!other || other.start !== span.start || other.end !== span.end || other.keyStart !== span.keyStart || other.keyEnd !== span.keyEnd) {
      return `span of ${pointer}: ${JSON.stringify(other)} vs ${JSON.stringify(span)}`;
    }
  }
  if (fast.spans.size !== reference.spans.size) return `${fast.spans.size} spans vs ${reference.spans.size}`;
  return undefined;
}

/** Index, status and value of each document, up to the first error. */
function outline(documents: ParsedDocument[]): unknown[] {
  const firstError = documents.findIndex((document) => document.error);
  // After an error, yaml on the whole stream may swallow later documents (an unclosed quote runs
  // to the end of input) where loading document by document still returns them.
  const kept = firstError < 0 ? documents : documents.slice(0, firstError + 1);
  return kept.map((document) => [document.index, document.error ? 'error' : document.value]);
}

it('the fast path agrees with yaml on every document of the shared corpora', (t) => {
  const roots = ROOTS.filter((root) => existsSync(root));
  if (roots.length === 0) {
    t.skip('../shared/corpus and ../shared/bench are missing');
    return;
  }
  const paths: string[] = [];
  for (const root of roots) collect(root, paths);

  const counts = { files: paths.length, bytes: 0, documents: 0, fastPath: 0, fastPathBytes: 0, bailed: 0, errors: 0, wholeFileFullPath: 0, mismatches: 0 };
  const mismatches: string[] = [];
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const file = new SourceFile(path, text);
    counts.bytes += text.length;
    const segments = splitDocuments(text);
    if (!segments) {
      counts.wholeFileFullPath++;
      const documents = loadYamlStream(file);
      counts.documents += documents.length;
      counts.errors += documents.filter((document) => document.error).length;
      continue;
    }
    segments.forEach((segment, index) => {
      const full = loadDocumentsFull(file, segment.start, segment.end, index, DEFAULT_LIMITS);
      counts.documents += full.length;
      counts.errors += full.filter((document) => document.error).length;
      const fast = parseFastDocument(text, segment.start, segment.end, DEFAULT_LIMITS.maxDepth);
      if (fast === undefined) {
        counts.bailed++;
        return;
      }
      counts.fastPathBytes += segment.end - segment.start;
      if (fast !== EMPTY_DOCUMENT) counts.fastPath++;
      const problem = difference(fast, full);
      if (problem) mismatches.push(`${path} document ${index}: ${problem}`);
    });
    // Splitting the stream must not change what yaml makes of it.
    const whole = loadDocumentsFull(file, 0, text.length, 0, DEFAULT_LIMITS);
    if (!isDeepStrictEqual(outline(loadYamlStream(file)), outline(whole))) mismatches.push(`${path}: the stream loads differently from yaml on the whole file`);
  }
  counts.mismatches = mismatches.length;
  t.diagnostic(`corpus: ${JSON.stringify(counts)}`);
  const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
  t.diagnostic(`fast path: ${percent(counts.fastPath, counts.documents)} of documents, ${percent(counts.fastPathBytes, counts.bytes)} of characters`);
  assert.deepEqual(mismatches.slice(0, 20), []);
  assert.ok(counts.documents > 0);
});
