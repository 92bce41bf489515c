import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CST, Document, Scalar, YAMLParseError } from 'yaml';
import type { SourceFile } from '../../source/source-file.js';
import { blockScalarEnd, childPointer, emptyValueOffset } from './span-rules.js';
import type { DocumentError, NodeSpan, ParsedDocument, PlainValue } from './types.js';

// Loaded on first use: most manifests never leave the fast path, and loading the package costs start-up time.
const requireModule = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
/** The `yaml` package, loaded on first use: most scans never need it, and it costs 40 ms of start-up. */
export function yaml(): typeof Yaml {
  return (yamlModule ??= requireModule('yaml') as typeof Yaml);
}

// The full path: the `yaml` package's Parser and Composer. It handles every document the fast
// path bails on, reports all errors, and is the Document API for comment-preserving edits.

export interface LoadLimits {
  readonly maxAliasCount: number;
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxAliasCount: 100, maxDepth: 500 };

interface ComposedDocument {
  readonly document: Document.Parsed;
  /** Offset of the first collection nested deeper than allowed; such a document is composed empty. */
  readonly tooDeepAt: number | undefined;
}

interface ComposedStream {
  readonly documents: ComposedDocument[];
  /** Errors yaml could not attach to a document (e.g. a stray `...` at the end). */
  readonly strayErrors: readonly YAMLParseError[];
}

/**
 * Composes a stream with `yaml`, refusing (before composing) documents nested deeper than
 * `maxDepth`: the Composer and toJS recurse once per level and would exhaust the stack.
 */
function composeStream(text: string, maxDepth: number): ComposedStream {
  const composer = new (yaml().Composer)({ uniqueKeys: true, logLevel: 'silent' });
  const tooDeep: (number | undefined)[] = [];
  const documents: Document.Parsed[] = [];
  // yaml builds an Error per problem; capturing their stacks was a third of the loading time on
  // Helm templates. The stacks would point into yaml anyway, and nothing here is asynchronous.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const token of new (yaml().Parser)().parse(text)) {
      if (token.type === 'document') {
        const at = token.value ? tooDeepOffset(token.value, maxDepth) : undefined;
        tooDeep.push(at);
        if (at !== undefined) delete token.value;
      }
      for (const document of composer.next(token)) documents.push(document);
    }
    for (const document of composer.end()) documents.push(document);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return {
    documents: documents.map((document, i) => ({ document, tooDeepAt: tooDeep[i] })),
    strayErrors: composer.streamInfo().errors,
  };
}

/** Walks the CST without recursion; the offset of a collection deeper than `maxDepth`, if any. */
function tooDeepOffset(root: CST.Token, maxDepth: number): number | undefined {
  const stack: [CST.Token, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth > maxDepth) return token.offset;
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/**
 * All documents of a stream as `yaml` Documents (comments and source ranges kept), for autofix.
 * A document nested deeper than `maxDepth` comes back empty with a `RESOURCE_EXHAUSTION` error.
 */
export function parseDocumentsFull(text: string, options: Partial<LoadLimits> = {}): Document.Parsed[] {
  const { documents } = composeStream(text, options.maxDepth ?? DEFAULT_LIMITS.maxDepth);
  return documents.map(({ document, tooDeepAt }) => {
    if (tooDeepAt !== undefined) document.errors.push(tooDeepError(tooDeepAt));
    return document;
  });
}

function tooDeepError(offset: number): YAMLParseError {
  // YAMLParseError's constructor is not part of yaml's typed API; build the same shape.
  return Object.assign(new Error('Nesting is too deep'), {
    name: 'YAMLParseError' as const,
    code: 'RESOURCE_EXHAUSTION' as const,
    pos: [offset, offset + 1] as [number, number],
  }) as unknown as YAMLParseError;
}

/**
 * Loads `file.text.slice(start, end)` (the whole file, or one document segment of it) with the
 * full path. `firstIndex` is the stream index of the segment's first document.
 */
export function loadDocumentsFull(file: SourceFile, start: number, end: number, firstIndex: number, limits: LoadLimits): ParsedDocument[] {
  const text = start === 0 && end === file.text.length ? file.text : file.text.slice(start, end);
  const { documents, strayErrors } = composeStream(text, limits.maxDepth);
  const out: ParsedDocument[] = [];
  documents.forEach((composed, i) => {
    const parsed = toParsedDocument(file, composed, start, firstIndex + i, limits);
    if (parsed) out.push(parsed);
  });
  const stray = strayErrors[0];
  if (stray) {
    const offset = start + stray.pos[0];
    out.push(errorDocument(file, firstIndex + documents.length, offset, end, { code: 'syntax', message: stray.message, offset }));
  }
  return out;
}

function errorDocument(file: SourceFile, index: number, start: number, end: number, error: DocumentError): ParsedDocument {
  return { file, index, start, end, value: undefined, spans: new Map(), error };
}

function toParsedDocument(file: SourceFile, composed: ComposedDocument, base: number, index: number, limits: LoadLimits): ParsedDocument | undefined {
  const { document, tooDeepAt } = composed;
  const range = document.range;
  const fail = (code: string, message: string, offset: number): ParsedDocument =>
    errorDocument(file, index, base + range[0], base + range[2], { code, message, offset });

  if (tooDeepAt !== undefined) return fail('too-deep', `Nesting is deeper than ${limits.maxDepth} levels`, base + tooDeepAt);
  const first = document.errors[0];
  if (first) {
    const code = first.code === 'DUPLICATE_KEY' ? 'duplicate-key' : first.code === 'RESOURCE_EXHAUSTION' ? 'too-deep' : 'syntax';
    return fail(code, first.message, base + first.pos[0]);
  }
  const contents = document.contents;
  if (!contents || (yaml().isScalar(contents) && isEmptyScalar(contents) && !contents.tag && !contents.anchor)) return undefined;

  let value: PlainValue;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliasCount }) as PlainValue;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ReferenceError && /alias/i.test(message)) return fail('alias-limit', message, base + range[0]);
    if (error instanceof RangeError) return fail('too-deep', message, base + range[0]);
    return fail('syntax', message, base + range[0]);
  }
  const collector = new SpanCollector(file.text, base, document, limits);
  const [rootStart, rootEnd] = collector.node(contents, '');
  if (collector.hasAlias && valueDeeperThan(value, limits.maxDepth)) {
    return fail('too-deep', `Nesting (with aliases expanded) is deeper than ${limits.maxDepth} levels`, base + range[0]);
  }
  const start = document.directives?.docStart ? base + range[0] : rootStart;
  return { file, index, start, end: rootEnd, value, spans: collector.spans };
}

function isEmptyScalar(node: Scalar): boolean {
  const range = node.range;
  return node.value === null && range !== undefined && range !== null && range[0] === range[1];
}

type AnyNode = unknown;

/** Records the span of every node under its JSON pointer, following the rules in span-rules.ts. */
class SpanCollector {
  readonly spans = new Map<string, NodeSpan>();
  hasAlias = false;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly document: Document.Parsed,
    private readonly limits: LoadLimits,
  ) {}

  /** Records the spans below `node`; returns its own span (recorded by the caller). */
  node(node: AnyNode, ptr: string, keySpan?: readonly [number, number]): [number, number] {
    const span = this.visit(node, ptr);
    const entry: NodeSpan = keySpan ? { start: span[0], end: span[1], keyStart: keySpan[0], keyEnd: keySpan[1] } : { start: span[0], end: span[1] };
    this.spans.set(ptr, entry);
    return span;
  }

  private visit(node: AnyNode, ptr: string): [number, number] {
    const base = this.base;
    if (yaml().isScalar(node)) {
      const [start, end] = node.range ?? [0, 0];
      if (start === end) {
        const at = emptyValueOffset(this.text, base + start);
        return [at, at];
      }
      if (node.type === yaml().Scalar.BLOCK_LITERAL || node.type === yaml().Scalar.BLOCK_FOLDED) return [base + start, blockScalarEnd(this.text, base + start, base + end)];
      return [base + start, base + end];
    }
    if (yaml().isAlias(node)) {
      this.hasAlias = true;
      const [start, end] = node.range ?? [0, 0];
      return [base + start, base + end];
    }
    if (yaml().isMap(node)) {
      const [start, end] = node.range ?? [0, 0];
      let last = base + start;
      for (const pair of node.items) {
        const key = this.keyString(pair.key);
        const keyNode = pair.key as { range?: [number, number, number] | null } | null;
        const keyRange = keyNode?.range;
        const keySpan: [number, number] = keyRange ? [base + keyRange[0], base + keyRange[1]] : [last, last];
        if (key === undefined) continue;
        const child = childPointer(ptr, key);
        if (pair.value === null || pair.value === undefined) {
          this.spans.set(child, { start: keySpan[1], end: keySpan[1], keyStart: keySpan[0], keyEnd: keySpan[1] });
          last = keySpan[1];
        } else {
          last = this.node(pair.value, child, keySpan)[1];
        }
      }
      return [base + start, node.flow ? base + end : last];
    }
    if (yaml().isSeq(node)) {
      const [start, end] = node.range ?? [0, 0];
      let last = base + start;
      node.items.forEach((item, i) => {
        last = this.node(item, childPointer(ptr, i))[1];
      });
      return [base + start, node.flow ? base + end : last];
    }
    return [base, base];
  }

  /** The property name toJS gives a key; undefined when it cannot be computed. */
  private keyString(key: unknown): string | undefined {
    if (key === null || key === undefined) return '';
    if (yaml().isScalar(key)) {
      const value = key.value;
      if (value === null || value === undefined) return '';
      if (typeof value !== 'object') return String(value);
    }
    // Collection and alias keys: let yaml stringify them the way toJS does.
    try {
      const probe = new (yaml().YAMLMap)(this.document.schema);
      probe.items.push(new (yaml().Pair)(key, null));
      const object = probe.toJS(this.document, { maxAliasCount: this.limits.maxAliasCount }) as Record<string, unknown>;
      return Object.keys(object)[0];
    } catch {
      return undefined;
    }
  }
}

/** Whether a decoded value (a DAG when aliases are shared) nests deeper than `maxDepth`. */
function valueDeeperThan(value: PlainValue, maxDepth: number): boolean {
  const seenAt = new Map<object, number>();
  const stack: [PlainValue, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    const seen = seenAt.get(node);
    if (seen !== undefined && seen >= depth) continue;
    seenAt.set(node, depth);
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
