import type { PlainValue } from './types.js';

// Scalar decoding for the fast path. Each function mirrors the `yaml` package (2.9, YAML 1.2 core
// schema) step by step, so that the fast path and the full path decode every scalar identically;
// the differential corpus test holds them to that. Where `yaml` would report an error, these
// return undefined and the caller bails out to the full path.

// yaml's core schema tests, minus null and bool which are plain string comparisons below.
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain (unquoted) scalar resolved by the core schema, tags tested in `yaml`'s order. */
export function resolvePlainScalar(source: string): PlainValue {
  // The first character decides which tags can match, which spares the regexes for most strings.
  switch (source.charCodeAt(0)) {
    case 0x7e: // ~
      return source === '~' ? null : source;
    case 0x6e: // n
    case 0x4e: // N
      return source === 'null' || source === 'Null' || source === 'NULL' ? null : source;
    case 0x74: // t
    case 0x54: // T
      return source === 'true' || source === 'True' || source === 'TRUE' ? true : source;
    case 0x66: // f
    case 0x46: // F
      return source === 'false' || source === 'False' || source === 'FALSE' ? false : source;
    case 0x2b: // +
    case 0x2d: // -
    case 0x2e: // .
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      return resolveNumber(source);
    default:
      return source === '' ? null : source;
  }
}

function resolveNumber(source: string): PlainValue {
  if (INT_OCT_RE.test(source)) return parseInt(source.substring(2), 8);
  if (INT_RE.test(source)) return parseInt(source, 10);
  if (INT_HEX_RE.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN_RE.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP_RE.test(source) || FLOAT_RE.test(source)) return parseFloat(source);
  return source;
}

const TRIM_END = /(?<![ \t])[ \t]+$/;
const TRIM_BOTH = /^[ \t]+|(?<![ \t])[ \t]+$/g;

/** Line folding of plain and single-quoted scalars (yaml's `unfoldLines`). */
export function unfoldLines(source: string): string {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match) return source;
  let res = (match[1] as string).replace(TRIM_END, '');
  let sep = ' ';
  let pos = line.lastIndex;
  while ((match = line.exec(source))) {
    const content = (match[1] as string).replace(TRIM_BOTH, '');
    if (content === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + content;
      sep = ' ';
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? '');
}

/** `source` includes both quotes. */
export function singleQuotedValue(source: string): string {
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX_RE = /^[0-9a-fA-F]+$/;

/** `source` includes both quotes; undefined where `yaml` reports a bad escape. */
export function doubleQuotedValue(source: string): string | undefined {
  // Most values have neither escapes nor line breaks.
  const inner = source.slice(1, -1);
  if (!inner.includes('\\') && !inner.includes('\n')) return inner;
  let res = '';
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i] as string;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        i += 1;
        next = source[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      let next = source[++i] as string;
      const escaped = ESCAPES[next];
      if (escaped) res += escaped;
      else if (next === '\n') {
        next = source[i + 1] as string;
        while (next === ' ' || next === '\t') next = source[++i + 1] as string;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const code = source.substr(i + 1, length);
        if (code.length !== length || !HEX_RE.test(code)) return undefined;
        const point = parseInt(code, 16);
        if (point > 0x10ffff) return undefined;
        res += String.fromCodePoint(point);
        i += length;
      } else {
        return undefined;
      }
    } else if (ch === ' ' || ch === '\t') {
      // Whitespace before a line break is dropped.
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  return res;
}

export interface BlockScalarHeader {
  readonly folded: boolean;
  /** 0 when the indentation is detected from the first content line. */
  readonly indent: number;
  readonly chomp: '' | '-' | '+';
}

/**
 * The value of a block scalar from its content lines (`source`: from the line after the header to
 * the end of the lexer's token), as yaml's `resolveBlockScalar`. `parentIndent` is the indentation
 * of the collection holding the scalar. Undefined where `yaml` reports an error.
 */
export function blockScalarValue(header: BlockScalarHeader, source: string, parentIndent: number): string | undefined {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = (lines[i] as [string, string])[1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) return header.chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';

  let trimIndent = parentIndent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content === '' || content === '\r') {
      if (header.indent === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) return undefined;
      if (header.indent === 0) trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) return undefined;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if ((lines[i] as [string, string])[0].length > trimIndent) chompStart = i + 1;
  }

  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += (lines[i] as [string, string])[0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content.endsWith('\r')) return undefined;
    if (content && indent.length < trimIndent) return undefined;
    if (!header.folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case '-':
      break;
    case '+':
      for (let i = chompStart; i < lines.length; ++i) value += '\n' + (lines[i] as [string, string])[0].slice(trimIndent);
      if (value[value.length - 1] !== '\n') value += '\n';
      break;
    default:
      value += '\n';
  }
  return value;
}

/** `[indent, content]` pairs, as yaml splits block scalar lines. */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0] as string;
  const m = /^( *)/.exec(first);
  const lines: [string, string][] = [m?.[1] ? [m[1], first.slice(m[1].length)] : ['', first]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] as string, split[i + 1] as string]);
  return lines;
}
