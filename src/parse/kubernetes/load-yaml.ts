import type { SourceFile } from '../../source/source-file.js';
import { EMPTY_DOCUMENT, parseFastDocument } from './fast-yaml.js';
import { DEFAULT_LIMITS, loadDocumentsFull, type LoadLimits } from './full-yaml.js';
import { splitDocuments } from './split-documents.js';
import type { ParsedDocument } from './types.js';

export { parseDocumentsFull } from './full-yaml.js';

export interface LoadYamlOptions {
  /** Aliases a document may expand (yaml's billion-laughs guard); default 100. */
  readonly maxAliasCount?: number;
  /** Deepest collection nesting accepted; default 500. */
  readonly maxDepth?: number;
}

/** Whether the text is a JSON document: its first non-space character opens an object or array. */
export function isLikelyJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}

/**
 * Every document of a YAML stream (or a JSON file, which is YAML) with its plain value and the
 * span of every node. Documents holding only comments are omitted; a document that cannot be
 * loaded carries `error` and no value, and the rest of the stream is still returned. Never throws.
 *
 * Each document goes through a fast hand-written parser first; whatever it does not handle
 * exactly (anchors, tags, errors, ...) is loaded by the `yaml` package, which gives the same
 * value and spans.
 */
export function loadYamlStream(file: SourceFile, options: LoadYamlOptions = {}): ParsedDocument[] {
  const limits: LoadLimits = {
    maxAliasCount: options.maxAliasCount ?? DEFAULT_LIMITS.maxAliasCount,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  try {
    return loadSegments(file, limits);
  } catch (error) {
    // A bug in the fast path must not lose the file: the full path alone is the reference.
    try {
      return loadDocumentsFull(file, 0, file.text.length, 0, limits);
    } catch (fullError) {
      const message = `YAML could not be loaded: ${String((fullError as Error).message ?? fullError)} (after ${String((error as Error).message ?? error)})`;
      return [{ file, index: 0, start: 0, end: file.text.length, value: undefined, spans: new Map(), error: { code: 'syntax', message, offset: 0 } }];
    }
  }
}

function loadSegments(file: SourceFile, limits: LoadLimits): ParsedDocument[] {
  const text = file.text;
  const segments = splitDocuments(text);
  if (!segments) return loadDocumentsFull(file, 0, text.length, 0, limits);
  const documents: ParsedDocument[] = [];
  segments.forEach((segment, index) => {
    const fast = parseFastDocument(text, segment.start, segment.end, limits.maxDepth);
    if (fast === undefined) {
      for (const document of loadDocumentsFull(file, segment.start, segment.end, index, limits)) documents.push(document);
    } else if (fast !== EMPTY_DOCUMENT) {
      documents.push({ file, index, start: fast.start, end: fast.end, value: fast.value, spans: fast.spans });
    }
  });
  return documents;
}
