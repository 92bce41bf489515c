import { SourceFile } from '../../source/source-file.js';
import { loadYamlStream } from './load-yaml.js';
import type { NodeSpan, ParsedDocument, Path, PlainValue } from './types.js';
import { pointerOf } from './types.js';

/** A YAML document written as a string value of another document (KubeRay `serveConfigV2`, `runtimeEnvYAML`). */
export interface EmbeddedDocument {
  /**
   * The outer document with the decoded YAML in place of the string, at the string's own path, so a
   * value inside it has the path `…/serveConfigV2/applications/0/runtime_env`. Its values are located
   * inside the string when it is a literal block scalar (`|`, `|-`, `|+`), whose lines are the file's
   * lines less a fixed indentation; otherwise only the string itself is located, and everything in
   * it resolves to the string's key.
   */
  readonly document: ParsedDocument | undefined;
  /** True when values inside the string have their own lines. */
  readonly located: boolean;
  readonly error?: string;
}

/** Loads the YAML held by the string at `path` of `doc`. Never throws. */
export function loadEmbeddedYaml(doc: ParsedDocument, path: Path, text: string): EmbeddedDocument {
  const inner = loadYamlStream(new SourceFile(doc.file.path, text));
  if (inner.length > 1) return { document: undefined, located: false, error: 'more than one YAML document' };
  const first = inner[0];
  if (first?.error) return { document: undefined, located: false, error: first.error.message };
  const outerPointer = pointerOf(path);
  const spans = new Map<string, NodeSpan>();
  // The string and its parents keep their own spans: an absent or unlocated value resolves to them.
  for (let length = 0; length <= path.length; length++) {
    const pointer = pointerOf(path.slice(0, length));
    const span = doc.spans.get(pointer);
    if (span) spans.set(pointer, span);
  }
  const mapOffset = first ? literalBlockMapper(doc, outerPointer, text) : undefined;
  if (first && mapOffset) {
    for (const [pointer, span] of first.spans) {
      if (pointer === '') continue;
      spans.set(outerPointer + pointer, {
        start: mapOffset(span.start),
        end: mapOffset(span.end),
        ...(span.keyStart !== undefined ? { keyStart: mapOffset(span.keyStart) } : {}),
        ...(span.keyEnd !== undefined ? { keyEnd: mapOffset(span.keyEnd) } : {}),
      });
    }
  }
  return {
    document: { file: doc.file, index: doc.index, start: doc.start, end: doc.end, value: nestAt(path, first?.value ?? null), spans },
    located: mapOffset !== undefined,
  };
}

/** `value` placed at `path` inside otherwise empty containers: enough for a `Node` to walk to it. */
function nestAt(path: Path, value: PlainValue): PlainValue {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') {
      const list: PlainValue[] = [];
      list[segment] = out;
      out = list;
    } else {
      const map: { [key: string]: PlainValue } = {};
      Object.defineProperty(map, segment, { value: out, enumerable: true, writable: true, configurable: true });
      out = map;
    }
  }
  return out;
}

/**
 * For a literal block scalar whose every content line is the decoded line behind the same run of
 * spaces: decoded offset → file offset. Undefined for any other style (quoted, plain, folded), or
 * when a line does not match (the decoded text did not come from these lines as written).
 */
function literalBlockMapper(doc: ParsedDocument, pointer: string, text: string): ((offset: number) => number) | undefined {
  const span = doc.spans.get(pointer);
  const source = doc.file.text;
  if (!span || source.charCodeAt(span.start) !== 0x7c /* | */) return undefined;
  const headerEnd = source.indexOf('\n', span.start);
  if (headerEnd === -1) return undefined;
  const lines = text.split('\n');
  // Content line k of the scalar is the k-th line after the header.
  const fileLineStarts: number[] = [];
  let at = headerEnd + 1;
  for (let k = 0; k < lines.length && at <= source.length; k++) {
    fileLineStarts.push(at);
    const next = source.indexOf('\n', at);
    at = next === -1 ? source.length + 1 : next + 1;
  }
  const fileLine = (k: number): string | undefined => {
    const start = fileLineStarts[k];
    if (start === undefined) return undefined;
    const next = source.indexOf('\n', start);
    const end = next === -1 ? source.length : next;
    return source.slice(start, end > start && source.charCodeAt(end - 1) === 13 ? end - 1 : end);
  };
  let indent: number | undefined;
  for (let k = 0; k < lines.length; k++) {
    const decoded = lines[k] as string;
    const written = fileLine(k);
    if (decoded === '') {
      // A blank content line, or the end of the text (the final line break, kept trailing lines).
      if (written !== undefined && written.trim() !== '' && k < lines.length - 1) return undefined;
      continue;
    }
    if (written === undefined) return undefined;
    indent ??= written.length - decoded.length;
    if (indent < 0 || written.length !== indent + decoded.length || written.slice(indent) !== decoded || written.slice(0, indent).trim() !== '') return undefined;
  }
  if (indent === undefined) return undefined;
  const width = indent;
  const textLineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) textLineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = textLineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((textLineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const start = fileLineStarts[low];
    return start === undefined ? span.start : start + width + (offset - (textLineStarts[low] as number));
  };
}
