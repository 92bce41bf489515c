import { blockScalarEnd } from './span-rules.js';
import { SpanTable } from './span-table.js';
import type { PlainValue } from './types.js';
import {
  blockScalarValue,
  doubleQuotedValue,
  resolvePlainScalar,
  singleQuotedValue,
  unfoldLines,
  type BlockScalarHeader,
} from './yaml-scalars.js';

// A hand-written parser for the YAML that Kubernetes manifests use: block maps and sequences
// (compact `- key: v` included), plain / quoted / block scalars, flow collections and comments.
// It accepts only input on which it agrees with the `yaml` package (the differential tests hold
// it to that) and bails out on anything else: anchors, aliases, tags, `?` keys, tabs outside
// scalars, keys that are not strings, anything yaml would report as an error.
// The scanning rules (where a scalar ends, which lines continue it) are ports of yaml's Lexer;
// "indentNext" is the Lexer's name for the minimum indentation of a continuation line, always
// the owning collection's indentation + 1 (0 at the root).

export interface FastDocument {
  readonly value: PlainValue;
  readonly spans: SpanTable;
  readonly start: number;
  readonly end: number;
}

/** The document holds only comments, blank lines and markers: the caller omits it. */
export const EMPTY_DOCUMENT = 'empty';

class Bail extends Error {}
const BAIL = new Bail('unsupported by the fast path');

const TAB = 0x09;
const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const AMP = 0x26;
const SQUOTE = 0x27;
const STAR = 0x2a;
const COMMA = 0x2c;
const DASH = 0x2d;
const COLON = 0x3a;
const GT = 0x3e;
const QUESTION = 0x3f;
const AT = 0x40;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const BACKTICK = 0x60;
const LBRACE = 0x7b;
const PIPE = 0x7c;
const RBRACE = 0x7d;
const BOM = 0xfeff;
const EOF = -1;

const BLOCK_HEADER_RE = /^[|>](?:[-+][1-9]?|[1-9][-+]?)?$/;

/** yaml's `isEmpty`: the characters (or end of input) that end a token. */
function isEmpty(c: number): boolean {
  return c === SPACE || c === NL || c === EOF || c === TAB || c === CR;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/**
 * Parses the document in `text.slice(start, end)` (one segment of the stream, from its `---` if
 * any). Returns undefined when the document needs the full parser.
 */
export function parseFastDocument(text: string, start: number, end: number, maxDepth: number): FastDocument | typeof EMPTY_DOCUMENT | undefined {
  try {
    return new FastParser(text, end, maxDepth).document(start);
  } catch (error) {
    // A stack overflow can only come from a caller's very large maxDepth: yaml then decides.
    if (error === BAIL || error instanceof RangeError) return undefined;
    throw error;
  }
}

class FastParser {
  readonly spans = new SpanTable();
  /** First non-space character of the current content line (`end` when none is left). */
  private pos = 0;
  /** Indentation of that line; -1 at the end of the document. */
  private col = -1;
  private lineStart = 0;
  /** Span of the node parsed last. */
  private nodeStart = 0;
  private nodeEnd = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly maxDepth: number,
  ) {}

  document(start: number): FastDocument | typeof EMPTY_DOCUMENT {
    let p = start;
    if (p === 0 && this.code(0) === BOM) p = 1;
    let docStart = -1;
    if (this.code(p) === DASH && this.code(p + 1) === DASH && this.code(p + 2) === DASH && isEmpty(this.code(p + 3))) {
      docStart = p;
      p = this.restOfLine(p + 3);
    }
    this.nextContent(p);
    if (this.pos >= this.end) return EMPTY_DOCUMENT;
    if (docStart < 0) docStart = this.pos;
    const root = this.spans.add(-1, '');
    const value = this.blockNode(this.pos, this.col, -1, root, 1, false);
    if (this.pos < this.end) throw BAIL;
    this.spans.setSpan(root, this.nodeStart, this.nodeEnd);
    return { value, spans: this.spans, start: docStart, end: this.nodeEnd };
  }

  private code(i: number): number {
    return i < this.end ? this.text.charCodeAt(i) : EOF;
  }

  /** Moves to the next line holding content, skipping blank and comment lines. */
  private nextContent(from: number): void {
    const text = this.text;
    const end = this.end;
    let p = from;
    while (p < end) {
      let q = p;
      while (q < end && text.charCodeAt(q) === SPACE) q++;
      const c = q < end ? text.charCodeAt(q) : EOF;
      if (c === NL) {
        p = q + 1;
      } else if (c === HASH) {
        const nl = text.indexOf('\n', q);
        p = nl === -1 || nl >= end ? end : nl + 1;
      } else if (c === EOF) {
        break;
      } else if (c === TAB || c === CR || c === BOM) {
        throw BAIL;
      } else {
        this.pos = q;
        this.col = q - p;
        this.lineStart = p;
        return;
      }
    }
    this.pos = end;
    this.col = -1;
  }

  /** After a token: spaces, then an optional comment, then the line break. Returns the next line's start. */
  private restOfLine(from: number): number {
    let p = from;
    while (this.code(p) === SPACE) p++;
    const c = this.code(p);
    if (c === NL) return p + 1;
    if (c === EOF) return this.end;
    if (c === HASH && p > from) {
      const nl = this.text.indexOf('\n', p);
      return nl === -1 || nl >= this.end ? this.end : nl + 1;
    }
    throw BAIL;
  }

  private isSeqIndicator(p: number): boolean {
    if (this.code(p) !== DASH) return false;
    const next = this.code(p + 1);
    if (next === SPACE || next === NL || next === EOF) return true;
    if (next === TAB || next === CR) throw BAIL;
    return false;
  }

  /** Whether a plain scalar may start at `p` in block context. */
  private isPlainStart(p: number): boolean {
    const c = this.code(p);
    switch (c) {
      case DASH:
      case QUESTION:
      case COLON:
        return !isEmpty(this.code(p + 1));
      case COMMA:
      case LBRACKET:
      case RBRACKET:
      case LBRACE:
      case RBRACE:
      case HASH:
      case AMP:
      case STAR:
      case BANG:
      case PIPE:
      case GT:
      case SQUOTE:
      case DQUOTE:
      case PERCENT:
      case AT:
      case BACKTICK:
      case EOF:
        return false;
      default:
        return c > SPACE && c !== BOM;
    }
  }

  /** The `:` ending a plain implicit key on this line, or -1 when the line is no `key: ...` line. */
  private plainKeyColon(from: number): number {
    const text = this.text;
    for (let i = from; ; i++) {
      const c = i < this.end ? text.charCodeAt(i) : EOF;
      if (c === COLON) {
        const next = this.code(i + 1);
        if (next === SPACE || next === NL || next === EOF) return i;
        if (next === TAB || next === CR) throw BAIL;
      } else if (c === NL || c === EOF) {
        return -1;
      } else if (c === SPACE) {
        if (this.code(i + 1) === HASH) return -1;
      } else if (c < SPACE) {
        throw BAIL;
      }
    }
  }

  /** When a quoted scalar at `p` is an implicit key on this line: the position of its `:`. */
  private quotedKeyColon(p: number): number {
    const close = this.quotedEnd(p, 0);
    const nl = this.text.indexOf('\n', p);
    if (nl !== -1 && nl < close) return -1;
    let q = close;
    while (this.code(q) === SPACE) q++;
    if (this.code(q) !== COLON) return -1;
    const next = this.code(q + 1);
    if (next === SPACE || next === NL || next === EOF) return q;
    throw BAIL;
  }

  /**
   * A node whose first character is at `p`, column `col`, inside a collection indented by
   * `parentIndent`, recorded in span table row `row`. `inline` when it follows `- ` on the same
   * line (compact collections allowed).
   */
  private blockNode(p: number, col: number, parentIndent: number, row: number, depth: number, inline: boolean): PlainValue {
    if (depth > this.maxDepth) throw BAIL;
    if (this.isSeqIndicator(p)) return this.blockSeq(p, col, row, depth);
    const c = this.code(p);
    if (c === DQUOTE || c === SQUOTE) {
      if (this.quotedKeyColon(p) >= 0) return this.blockMap(p, col, row, depth);
    } else if (this.isPlainStart(p) && this.plainKeyColon(p) >= 0) {
      return this.blockMap(p, col, row, depth);
    }
    if (!inline && (c === PIPE || c === GT)) throw BAIL;
    return this.inlineValue(p, parentIndent, row, depth);
  }

  private blockMap(first: number, indent: number, row: number, depth: number): PlainValue {
    const map: { [key: string]: PlainValue } = {};
    let p = first;
    let lastEnd: number;
    for (;;) {
      const keyStart = p;
      let keyEnd: number;
      let key: string;
      let colon: number;
      const c = this.code(p);
      if (c === DQUOTE || c === SQUOTE) {
        colon = this.quotedKeyColon(p);
        if (colon < 0) throw BAIL;
        keyEnd = this.quotedEnd(p, 0);
        const source = this.text.slice(p, keyEnd);
        const decoded = c === DQUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
        if (decoded === undefined) throw BAIL;
        key = decoded;
      } else {
        if (!this.isPlainStart(p)) throw BAIL;
        colon = this.plainKeyColon(p);
        if (colon < 0) throw BAIL;
        keyEnd = colon;
        while (this.text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        key = this.text.slice(p, keyEnd);
        // Keys that resolve to null, booleans or numbers are stringified by toJS and compared by
        // value for uniqueness: rare in manifests, left to the full path.
        if (typeof resolvePlainScalar(key) !== 'string') throw BAIL;
      }
      // yaml (strict) rejects implicit keys longer than 1024 characters.
      if (colon - keyStart > 1000) throw BAIL;
      // Duplicates are errors for the full path to report; inherited names such as `__proto__`
      // are rare enough to leave to it as well.
      if (map[key] !== undefined) throw BAIL;
      const child = this.spans.add(row, key);
      map[key] = this.mapValue(colon + 1, indent, child, depth + 1);
      this.spans.setSpan(child, this.nodeStart, this.nodeEnd);
      this.spans.setKey(child, keyStart, keyEnd);
      lastEnd = this.nodeEnd;
      if (this.col < indent) break;
      if (this.col > indent || this.isSeqIndicator(this.pos)) throw BAIL;
      p = this.pos;
    }
    this.nodeStart = first;
    this.nodeEnd = lastEnd;
    return map;
  }

  /** The value after a key's `:` (at `afterColon`), in a map indented by `indent`. */
  private mapValue(afterColon: number, indent: number, row: number, depth: number): PlainValue {
    let p = afterColon;
    while (this.code(p) === SPACE) p++;
    const c = this.code(p);
    if (c === NL || c === EOF || c === HASH) {
      this.nextContent(this.restOfLine(afterColon));
      if (this.pos < this.end && (this.col > indent || (this.col === indent && this.isSeqIndicator(this.pos)))) {
        return this.blockNode(this.pos, this.col, indent, row, depth, false);
      }
      this.nodeStart = this.nodeEnd = afterColon;
      return null;
    }
    if (c === TAB) throw BAIL;
    // A block collection cannot start on a key's line (`a: b: c`, `a: - b`).
    if (this.isSeqIndicator(p)) throw BAIL;
    return this.inlineValue(p, indent, row, depth);
  }

  private blockSeq(first: number, indent: number, row: number, depth: number): PlainValue {
    const items: PlainValue[] = [];
    let dash = first;
    let lastEnd: number;
    for (;;) {
      const item = this.spans.add(row, items.length);
      let p = dash + 1;
      while (this.code(p) === SPACE) p++;
      const c = this.code(p);
      let value: PlainValue;
      if (c === NL || c === EOF || c === HASH) {
        this.nextContent(this.restOfLine(dash + 1));
        if (this.pos < this.end && this.col > indent) {
          value = this.blockNode(this.pos, this.col, indent, item, depth + 1, false);
        } else {
          value = null;
          this.nodeStart = this.nodeEnd = dash + 1;
        }
      } else {
        if (c === TAB) throw BAIL;
        value = this.blockNode(p, p - this.lineStart, indent, item, depth + 1, true);
      }
      items.push(value);
      this.spans.setSpan(item, this.nodeStart, this.nodeEnd);
      lastEnd = this.nodeEnd;
      if (this.col < indent) break;
      if (this.col > indent) throw BAIL;
      if (!this.isSeqIndicator(this.pos)) break;
      dash = this.pos;
    }
    this.nodeStart = first;
    this.nodeEnd = lastEnd;
    return items;
  }

  /** A scalar or flow collection starting at `p`, then the rest of its line. */
  private inlineValue(p: number, parentIndent: number, row: number, depth: number): PlainValue {
    const indentNext = parentIndent + 1;
    const c = this.code(p);
    let value: PlainValue;
    let after: number;
    if (c === LBRACKET || c === LBRACE) {
      value = this.flowCollection(p, indentNext, row, depth, 1);
      after = this.nodeEnd;
    } else if (c === DQUOTE || c === SQUOTE) {
      after = this.quotedEnd(p, indentNext);
      const source = this.text.slice(p, after);
      const decoded = c === DQUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
      if (decoded === undefined) throw BAIL;
      value = decoded;
      this.nodeStart = p;
      this.nodeEnd = after;
    } else if (c === PIPE || c === GT) {
      if (parentIndent < 0) throw BAIL;
      return this.blockScalar(p, parentIndent);
    } else {
      if (!this.isPlainStart(p)) throw BAIL;
      after = this.plainEnd(p, indentNext, false);
      const source = this.text.slice(p, after);
      if (source.indexOf('\n') === -1) {
        value = resolvePlainScalar(source);
      } else {
        if (source.indexOf('\t') !== -1) throw BAIL;
        value = resolvePlainScalar(unfoldLines(source));
      }
      this.nodeStart = p;
      this.nodeEnd = after;
    }
    // `restOfLine` rejects what may follow: a `:` (a key where none may be) or more content.
    this.nextContent(this.restOfLine(after));
    return value;
  }

  /**
   * End of a plain scalar starting at `start` (yaml's `parsePlainScalar`): it stops at `: `, at
   * ` #`, in flow context at indicators, and continues on lines indented at least `indentNext`.
   */
  private plainEnd(start: number, indentNext: number, inFlow: boolean): number {
    const text = this.text;
    const end = this.end;
    let last = start - 1;
    let i = start - 1;
    for (;;) {
      ++i;
      if (i >= end) break;
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        const next = this.code(i + 1);
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) break;
        last = i;
      } else if (ch === SPACE || ch === TAB || ch === NL) {
        const next = this.code(i + 1);
        if (next === HASH || (inFlow && isFlowIndicator(next))) break;
        if (ch === NL) {
          const cs = this.continueScalar(i + 1, indentNext);
          if (cs === -1) break;
          i = Math.max(i, cs - 2);
        }
      } else if (ch < SPACE || ch === BOM) {
        throw BAIL;
      } else {
        if (inFlow && isFlowIndicator(ch)) break;
        last = i;
      }
    }
    return last + 1;
  }

  /** yaml's `continueScalar`: where the next line continues a scalar, or -1. */
  private continueScalar(offset: number, indentNext: number): number {
    if (offset >= this.end) return -1;
    if (indentNext <= 0) return offset;
    let indent = 0;
    let ch = this.code(offset);
    while (ch === SPACE) ch = this.code(offset + ++indent);
    if (ch === CR) throw BAIL;
    return ch === NL || indent >= indentNext ? offset + indent : -1;
  }

  /** End (after the closing quote) of a quoted scalar at `p`, checking its continuation lines. */
  private quotedEnd(p: number, indentNext: number): number {
    const text = this.text;
    let close: number;
    if (text.charCodeAt(p) === SQUOTE) {
      close = text.indexOf("'", p + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === SQUOTE) close = text.indexOf("'", close + 2);
    } else {
      close = text.indexOf('"', p + 1);
      while (close !== -1) {
        let n = 0;
        while (text.charCodeAt(close - 1 - n) === 0x5c) n++;
        if (n % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
    }
    if (close === -1 || close >= this.end) throw BAIL;
    let nl = text.indexOf('\n', p);
    while (nl !== -1 && nl < close) {
      const cs = this.continueScalar(nl + 1, indentNext);
      if (cs === -1) throw BAIL;
      nl = text.indexOf('\n', cs);
    }
    return close + 1;
  }

  /** A `|` or `>` scalar at `p`, a value in a collection indented by `parentIndent`. */
  private blockScalar(p: number, parentIndent: number): PlainValue {
    const text = this.text;
    let headerEnd = p + 1;
    while (!isEmpty(this.code(headerEnd)) && this.code(headerEnd) !== HASH) headerEnd++;
    const headerText = text.slice(p, headerEnd);
    if (!BLOCK_HEADER_RE.test(headerText)) throw BAIL;
    let explicitIndent = 0;
    let chomp: BlockScalarHeader['chomp'] = '';
    for (let i = 1; i < headerText.length; i++) {
      const ch = headerText[i] as string;
      if (ch === '-' || ch === '+') chomp = ch;
      else explicitIndent = Number(ch);
    }
    const header: BlockScalarHeader = { folded: headerText[0] === '>', indent: explicitIndent, chomp };
    const contentStart = this.restOfLine(headerEnd);

    // Extent of the content (yaml's `parseBlockScalar`).
    const indentNext = parentIndent + 1;
    let nl = contentStart - 1;
    let indent = 0;
    for (let i = contentStart; i < this.end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) indent++;
      else if (ch === NL) {
        nl = i;
        indent = 0;
      } else if (ch === CR) throw BAIL;
      else break;
    }
    if (indent >= indentNext) {
      const contentIndent = explicitIndent === 0 ? indent : explicitIndent - 1 + indentNext;
      for (;;) {
        const cs = this.continueScalar(nl + 1, contentIndent);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
        if (nl === -1 || nl >= this.end) {
          nl = this.end;
          break;
        }
      }
    }
    // yaml folds badly indented tabs after the scalar into it, to report them.
    let after = nl + 1;
    while (this.code(after) === SPACE) after++;
    if (this.code(after) === TAB) throw BAIL;
    if (chomp !== '+') {
      // Trailing lines that are not more indented than the first line are not content.
      for (;;) {
        let i = nl - 1;
        const lastChar = i;
        let ch = text.charCodeAt(i);
        while (ch === SPACE) ch = text.charCodeAt(--i);
        if (ch === NL && i >= contentStart && i + 1 + indent > lastChar) nl = i;
        else break;
      }
    }
    const tokenEnd = Math.min(nl + 1, this.end);
    const source = contentStart < tokenEnd ? text.slice(contentStart, tokenEnd) : '';
    const value = blockScalarValue(header, source, parentIndent);
    if (value === undefined) throw BAIL;
    this.nodeStart = p;
    this.nodeEnd = blockScalarEnd(text, p, Math.max(tokenEnd, headerEnd));
    this.nextContent(Math.max(tokenEnd, contentStart));
    return value;
  }

  /**
   * A flow collection at `p`; `level` counts enclosing flow collections (1 for the outermost).
   * Sets nodeEnd to just after the closing bracket.
   */
  private flowCollection(p: number, indentNext: number, row: number, depth: number, level: number): PlainValue {
    if (depth > this.maxDepth) throw BAIL;
    const isMap = this.code(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const start = p;
    let q = this.flowSpace(p + 1, indentNext, level);
    let result: PlainValue;
    if (isMap) {
      const map: { [key: string]: PlainValue } = {};
      if (this.code(q) !== close) {
        for (;;) {
          const keyStart = q;
          const c = this.code(q);
          let key: string;
          let keyEnd: number;
          if (c === DQUOTE || c === SQUOTE) {
            keyEnd = this.quotedEnd(q, indentNext);
            const source = this.text.slice(q, keyEnd);
            if (source.indexOf('\n') !== -1) throw BAIL;
            const decoded = c === DQUOTE ? doubleQuotedValue(source) : singleQuotedValue(source);
            if (decoded === undefined) throw BAIL;
            key = decoded;
            q = keyEnd;
            while (this.code(q) === SPACE) q++;
            if (this.code(q) !== COLON) throw BAIL;
            q++;
          } else {
            if (!this.isFlowPlainStart(q)) throw BAIL;
            keyEnd = this.plainEnd(q, indentNext, true);
            key = this.text.slice(q, keyEnd);
            if (key.indexOf('\n') !== -1 || typeof resolvePlainScalar(key) !== 'string') throw BAIL;
            q = keyEnd;
            while (this.code(q) === SPACE) q++;
            if (this.code(q) !== COLON) throw BAIL;
            q++;
            const next = this.code(q);
            if (next !== SPACE && next !== NL) throw BAIL;
          }
          if (map[key] !== undefined) throw BAIL;
          q = this.flowSpace(q, indentNext, level);
          const child = this.spans.add(row, key);
          map[key] = this.flowValue(q, indentNext, child, depth + 1, level);
          this.spans.setSpan(child, this.nodeStart, this.nodeEnd);
          this.spans.setKey(child, keyStart, keyEnd);
          q = this.flowSpace(this.nodeEnd, indentNext, level);
          if (this.code(q) === COMMA) {
            q = this.flowSpace(q + 1, indentNext, level);
            // A trailing comma is allowed (`[a, b,]`).
            if (this.code(q) === close) break;
            continue;
          }
          if (this.code(q) === close) break;
          throw BAIL;
        }
      }
      result = map;
    } else {
      const items: PlainValue[] = [];
      if (this.code(q) !== close) {
        for (;;) {
          const item = this.spans.add(row, items.length);
          items.push(this.flowValue(q, indentNext, item, depth + 1, level));
          this.spans.setSpan(item, this.nodeStart, this.nodeEnd);
          q = this.flowSpace(this.nodeEnd, indentNext, level);
          if (this.code(q) === COMMA) {
            q = this.flowSpace(q + 1, indentNext, level);
            // A trailing comma is allowed (`[a, b,]`).
            if (this.code(q) === close) break;
            continue;
          }
          if (this.code(q) === close) break;
          // Includes `[a: b]`, a single-pair map in a sequence.
          throw BAIL;
        }
      }
      result = items;
    }
    this.nodeStart = start;
    this.nodeEnd = q + 1;
    return result;
  }

  private flowValue(p: number, indentNext: number, row: number, depth: number, level: number): PlainValue {
    const c = this.code(p);
    if (c === LBRACKET || c === LBRACE) return this.flowCollection(p, indentNext, row, depth, level + 1);
    this.nodeStart = p;
    if (c === DQUOTE || c === SQUOTE) {
      this.nodeEnd = this.quotedEnd(p, indentNext);
      const decoded = c === DQUOTE ? doubleQuotedValue(this.text.slice(p, this.nodeEnd)) : singleQuotedValue(this.text.slice(p, this.nodeEnd));
      if (decoded === undefined) throw BAIL;
      // A quoted scalar directly followed by `:` would be a key (`["a":1]`).
      if (this.code(this.nodeEnd) === COLON) throw BAIL;
      return decoded;
    }
    if (!this.isFlowPlainStart(p)) throw BAIL;
    this.nodeEnd = this.plainEnd(p, indentNext, true);
    const source = this.text.slice(p, this.nodeEnd);
    if (source.indexOf('\n') !== -1) throw BAIL;
    return resolvePlainScalar(source);
  }

  private isFlowPlainStart(p: number): boolean {
    const c = this.code(p);
    if (c === DASH) {
      const next = this.code(p + 1);
      return !isEmpty(next) && !isFlowIndicator(next);
    }
    return c !== QUESTION && c !== COLON && this.isPlainStart(p);
  }

  /**
   * Whitespace, line breaks and comments between flow tokens. A new line must be indented at
   * least `indentNext`, except comment lines and the outermost closing bracket one column less
   * (yaml's `parseFlowCollection`).
   */
  private flowSpace(from: number, indentNext: number, level: number): number {
    const text = this.text;
    let p = from;
    for (;;) {
      const c = this.code(p);
      if (c === SPACE || c === TAB) {
        p++;
      } else if (c === HASH) {
        const before = text.charCodeAt(p - 1);
        if (p === from && before !== SPACE && before !== TAB && before !== NL) throw BAIL;
        const nl = text.indexOf('\n', p);
        p = nl === -1 || nl >= this.end ? this.end : nl;
      } else if (c === NL) {
        p++;
        let q = p;
        while (this.code(q) === SPACE) q++;
        const indent = q - p;
        while (this.code(q) === SPACE || this.code(q) === TAB) q++;
        const first = this.code(q);
        if (first !== NL && first !== HASH && indentNext > 0 && indent < indentNext) {
          const closing = first === RBRACKET || first === RBRACE;
          if (!(closing && level === 1 && indent === indentNext - 1)) throw BAIL;
        }
        p = q;
      } else if (c === EOF || c === CR) {
        throw BAIL;
      } else {
        return p;
      }
    }
  }
}
