import type { Comment, HclSyntaxError } from './ast.js';

// Tokens of HCL native syntax, following hclsyntax/scan_tokens.rl: a modal scanner (expressions,
// quoted templates, heredoc templates) producing a flat token table. Comments are collected on the
// side; a `#` or `//` comment ending a line yields a NEWLINE token starting at the comment, as
// hclsyntax's peeker turns such comments into newlines.

export const EOF = 0;
export const NEWLINE = 1;
export const IDENT = 2;
export const NUMBER = 3;
export const OQUOTE = 4;
export const CQUOTE = 5;
/** Literal text of a quoted template: escapes still encoded. */
export const QUOTED_LIT = 6;
/** Literal text of a heredoc: one token per line (its line break included), or up to a `${` / `%{`. */
export const STRING_LIT = 7;
/** `<<EOT` or `<<-EOT` with its line break. */
export const OHEREDOC = 8;
/** The closing marker's line, from its start (leading spaces included) to before its line break. */
export const CHEREDOC = 9;
/** `${` or `${~`. */
export const TEMPLATE_INTERP = 10;
/** `%{` or `%{~`. */
export const TEMPLATE_CONTROL = 11;
/** `}` or `~}` closing a template sequence. */
export const TEMPLATE_SEQ_END = 12;
export const OBRACE = 13;
export const CBRACE = 14;
export const OBRACK = 15;
export const CBRACK = 16;
export const OPAREN = 17;
export const CPAREN = 18;
export const COMMA = 19;
export const DOT = 20;
export const ELLIPSIS = 21;
export const STAR = 22;
export const SLASH = 23;
export const PERCENT = 24;
export const PLUS = 25;
export const MINUS = 26;
export const EQUAL = 27;
export const EQUAL_OP = 28;
export const NOT_EQUAL = 29;
export const LESS = 30;
export const LESS_EQUAL = 31;
export const GREATER = 32;
export const GREATER_EQUAL = 33;
export const AND = 34;
export const OR = 35;
export const BANG = 36;
export const QUESTION = 37;
export const COLON = 38;
export const DOUBLE_COLON = 39;
export const FAT_ARROW = 40;
/** A character no token accepts; the table's `error` describes the first one. */
export const INVALID = 41;

/** The token table of a file: `types[i]` spans `text.slice(starts[i], ends[i])`; the last token is EOF. */
export interface TokenTable {
  readonly types: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  readonly comments: Comment[];
  /** The first character no token accepts (hclsyntax rejects the file for it), if any. */
  readonly error: HclSyntaxError | undefined;
}

const MAIN = 0;
const QUOTED = 1;
const HEREDOC = 2;

interface OpenHeredoc {
  readonly marker: string;
  startOfLine: boolean;
}

const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}-]$/u;

/** Whether the character is a space as Go's unicode.IsSpace sees it (HCL trims with it). */
export function isUnicodeSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isAsciiIdentPart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Length of the identifier starting at `i` (0 if none), with HCL's `-` allowed after the first character. */
function identifierLength(text: string, i: number): number {
  const n = text.length;
  const first = text.codePointAt(i);
  if (first === undefined) return 0;
  let j: number;
  if ((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f) j = i + 1;
  else if (first >= 0x80 && ID_START.test(String.fromCodePoint(first))) j = i + (first > 0xffff ? 2 : 1);
  else return 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isAsciiIdentPart(c)) {
      j++;
      continue;
    }
    if (c < 0x80) break;
    const point = text.codePointAt(j) as number;
    if (!ID_CONTINUE.test(String.fromCodePoint(point))) break;
    j += point > 0xffff ? 2 : 1;
  }
  return j - i;
}

/** Why a character no token accepts is rejected, in hclsyntax's words where it has some. */
function invalidCharacterMessage(c: number): string {
  switch (c) {
    case 0x26:
      return 'Unsupported operator: bitwise operators are not supported. Did you mean boolean AND ("&&")?';
    case 0x7c:
      return 'Unsupported operator: bitwise operators are not supported. Did you mean boolean OR ("||")?';
    case 0x5e:
    case 0x7e:
      return 'Unsupported operator: bitwise operators are not supported.';
    case 0x3b:
      return 'Invalid character: the ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.';
    case 0x27:
      return 'Invalid character: single quotes are not valid. Use double quotes (") to enclose strings.';
    case 0x60:
      return 'Invalid character: the "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".';
    default:
      return 'Invalid character: this character is not used within the language.';
  }
}

class Scanner {
  private types: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  readonly comments: Comment[] = [];
  error: HclSyntaxError | undefined;

  private mode = MAIN;
  private readonly modes: number[] = [];
  private braces = 0;
  private readonly returnBraces: number[] = [];
  private readonly heredocs: OpenHeredoc[] = [];

  constructor(private readonly text: string) {
    const capacity = (text.length >> 2) + 16;
    this.types = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  table(): TokenTable {
    return { types: this.types, starts: this.starts, ends: this.ends, count: this.count, comments: this.comments, error: this.error };
  }

  private emit(type: number, start: number, end: number): void {
    if (this.count === this.types.length) this.grow();
    const at = this.count++;
    this.types[at] = type;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  private grow(): void {
    const size = this.types.length * 2;
    const types = new Uint8Array(size);
    types.set(this.types);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.types = types;
    this.starts = starts;
    this.ends = ends;
  }

  private invalid(start: number, end: number, message: string): void {
    this.error ??= { message, offset: start };
    this.emit(INVALID, start, end);
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    // hclsyntax skips a leading byte order mark.
    let i = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (i < n) {
      if (this.mode === MAIN) i = this.scanMain(i);
      else if (this.mode === QUOTED) i = this.scanQuoted(i);
      else i = this.scanHeredoc(i);
    }
    this.emit(EOF, n, n);
  }

  /** Enters a template sequence (`${` / `%{`) from a template mode. */
  private openSequence(type: number, start: number): number {
    const text = this.text;
    const end = text.charCodeAt(start + 2) === 0x7e ? start + 3 : start + 2;
    this.emit(type, start, end);
    this.braces++;
    this.returnBraces.push(this.braces);
    const heredoc = this.heredocs[this.heredocs.length - 1];
    if (this.mode === HEREDOC && heredoc) heredoc.startOfLine = false;
    this.modes.push(this.mode);
    this.mode = MAIN;
    return end;
  }

  private closeBrace(start: number, end: number, tilde: boolean): void {
    const top = this.returnBraces.length - 1;
    if (top >= 0 && this.returnBraces[top] === this.braces) {
      this.emit(TEMPLATE_SEQ_END, start, end);
      this.braces--;
      this.returnBraces.pop();
      this.mode = this.modes.pop() ?? MAIN;
      return;
    }
    // A stray `~}` stays a sequence end so that the parser reports it.
    this.emit(tilde ? TEMPLATE_SEQ_END : CBRACE, start, end);
    this.braces--;
  }

  private scanMain(i: number): number {
    const text = this.text;
    const n = text.length;
    const c = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    switch (c) {
      case 0x20:
      case 0x09: {
        let j = i + 1;
        while (j < n) {
          const s = text.charCodeAt(j);
          if (s !== 0x20 && s !== 0x09) break;
          j++;
        }
        return j;
      }
      case 0x0a:
        this.emit(NEWLINE, i, i + 1);
        return i + 1;
      case 0x0d:
        if (next === 0x0a) {
          this.emit(NEWLINE, i, i + 2);
          return i + 2;
        }
        this.invalid(i, i + 1, 'Invalid character: a carriage return must be followed by a newline.');
        return i + 1;
      case 0x23: // #
        return this.lineComment(i);
      case 0x2f: // /
        if (next === 0x2f) return this.lineComment(i);
        if (next === 0x2a) {
          const close = text.indexOf('*/', i + 2);
          // An unclosed `/*` is no comment: `/` and `*` tokens, which the parser rejects.
          if (close >= 0) {
            this.comments.push({ kind: 'block', text: text.slice(i, close + 2), span: { start: i, end: close + 2 } });
            return close + 2;
          }
        }
        this.emit(SLASH, i, i + 1);
        return i + 1;
      case 0x22: // "
        this.emit(OQUOTE, i, i + 1);
        this.modes.push(MAIN);
        this.mode = QUOTED;
        return i + 1;
      case 0x7b: // {
        this.emit(OBRACE, i, i + 1);
        this.braces++;
        return i + 1;
      case 0x7d: // }
        this.closeBrace(i, i + 1, false);
        return i + 1;
      case 0x7e: // ~
        if (next === 0x7d) {
          this.closeBrace(i, i + 2, true);
          return i + 2;
        }
        break;
      case 0x5b:
        this.emit(OBRACK, i, i + 1);
        return i + 1;
      case 0x5d:
        this.emit(CBRACK, i, i + 1);
        return i + 1;
      case 0x28:
        this.emit(OPAREN, i, i + 1);
        return i + 1;
      case 0x29:
        this.emit(CPAREN, i, i + 1);
        return i + 1;
      case 0x2c:
        this.emit(COMMA, i, i + 1);
        return i + 1;
      case 0x2e: // .
        if (next === 0x2e && text.charCodeAt(i + 2) === 0x2e) {
          this.emit(ELLIPSIS, i, i + 3);
          return i + 3;
        }
        this.emit(DOT, i, i + 1);
        return i + 1;
      case 0x2a:
        this.emit(STAR, i, i + 1);
        return i + 1;
      case 0x25:
        this.emit(PERCENT, i, i + 1);
        return i + 1;
      case 0x2b:
        this.emit(PLUS, i, i + 1);
        return i + 1;
      case 0x2d:
        this.emit(MINUS, i, i + 1);
        return i + 1;
      case 0x3d: // =
        if (next === 0x3d) {
          this.emit(EQUAL_OP, i, i + 2);
          return i + 2;
        }
        if (next === 0x3e) {
          this.emit(FAT_ARROW, i, i + 2);
          return i + 2;
        }
        this.emit(EQUAL, i, i + 1);
        return i + 1;
      case 0x21: // !
        if (next === 0x3d) {
          this.emit(NOT_EQUAL, i, i + 2);
          return i + 2;
        }
        this.emit(BANG, i, i + 1);
        return i + 1;
      case 0x3c: // <
        if (next === 0x3c) {
          const end = this.heredocStart(i);
          if (end > 0) return end;
        }
        if (next === 0x3d) {
          this.emit(LESS_EQUAL, i, i + 2);
          return i + 2;
        }
        this.emit(LESS, i, i + 1);
        return i + 1;
      case 0x3e: // >
        if (next === 0x3d) {
          this.emit(GREATER_EQUAL, i, i + 2);
          return i + 2;
        }
        this.emit(GREATER, i, i + 1);
        return i + 1;
      case 0x26: // &
        if (next === 0x26) {
          this.emit(AND, i, i + 2);
          return i + 2;
        }
        break;
      case 0x7c: // |
        if (next === 0x7c) {
          this.emit(OR, i, i + 2);
          return i + 2;
        }
        break;
      case 0x3f:
        this.emit(QUESTION, i, i + 1);
        return i + 1;
      case 0x3a: // :
        if (next === 0x3a) {
          this.emit(DOUBLE_COLON, i, i + 2);
          return i + 2;
        }
        this.emit(COLON, i, i + 1);
        return i + 1;
      default:
        if (isDigit(c)) return this.number(i);
        {
          const length = identifierLength(text, i);
          if (length > 0) {
            this.emit(IDENT, i, i + length);
            return i + length;
          }
        }
    }
    const width = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    this.invalid(i, i + width, invalidCharacterMessage(c));
    return i + width;
  }

  private lineComment(i: number): number {
    const text = this.text;
    const newline = text.indexOf('\n', i);
    if (newline < 0) {
      this.comments.push({ kind: 'line', text: text.slice(i), span: { start: i, end: text.length } });
      return text.length;
    }
    const end = newline > i && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
    this.comments.push({ kind: 'line', text: text.slice(i, end), span: { start: i, end } });
    this.emit(NEWLINE, i, newline + 1);
    return newline + 1;
  }

  /** A number: digits, `.`, exponents, never ending with `.` (validated by the parser). */
  private number(i: number): number {
    const text = this.text;
    const n = text.length;
    let j = i + 1;
    let end = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        end = ++j;
      } else if (c === 0x2e) {
        j++;
      } else if (c === 0x65 || c === 0x45) {
        let k = j + 1;
        const sign = text.charCodeAt(k);
        if (sign === 0x2b || sign === 0x2d) k++;
        if (!isDigit(text.charCodeAt(k))) break;
        end = j = k + 1;
      } else {
        break;
      }
    }
    this.emit(NUMBER, i, end);
    return end;
  }

  /** `<<EOT` / `<<-EOT` followed by a line break opens a heredoc; returns 0 when it is not one. */
  private heredocStart(i: number): number {
    const text = this.text;
    let j = i + 2;
    if (text.charCodeAt(j) === 0x2d) j++;
    const length = identifierLength(text, j);
    if (length === 0) return 0;
    const markerEnd = j + length;
    let end: number;
    if (text.charCodeAt(markerEnd) === 0x0a) end = markerEnd + 1;
    else if (text.charCodeAt(markerEnd) === 0x0d && text.charCodeAt(markerEnd + 1) === 0x0a) end = markerEnd + 2;
    else return 0;
    this.emit(OHEREDOC, i, end);
    this.heredocs.push({ marker: text.slice(j, markerEnd), startOfLine: true });
    this.modes.push(MAIN);
    this.mode = HEREDOC;
    return end;
  }

  private scanQuoted(i: number): number {
    const text = this.text;
    const n = text.length;
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      this.emit(CQUOTE, i, i + 1);
      this.mode = this.modes.pop() ?? MAIN;
      return i + 1;
    }
    if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) {
      return this.openSequence(c === 0x24 ? TEMPLATE_INTERP : TEMPLATE_CONTROL, i);
    }
    if (c === 0x0a || c === 0x0d) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d)) j++;
      this.invalid(
        i,
        j,
        'Invalid multi-line string: quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
      );
      return j;
    }
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x22 || d === 0x0a || d === 0x0d) break;
      if (d === 0x5c) {
        const e = j + 1 < n ? text.charCodeAt(j + 1) : 0x0a;
        if (e === 0x0a || e === 0x0d) break;
        j += 2;
        continue;
      }
      if (d === 0x24 || d === 0x25) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x7b) break;
        // `$${` and `%%{` are escapes: literal text.
        j += e === d && text.charCodeAt(j + 2) === 0x7b ? 3 : 1;
        continue;
      }
      j++;
    }
    if (j === i) {
      // A backslash before a line break or at the end of the text.
      this.invalid(i, i + 1, 'Invalid escape sequence: a backslash must be followed by an escape sequence selector character.');
      return i + 1;
    }
    this.emit(QUOTED_LIT, i, j);
    return j;
  }

  private scanHeredoc(i: number): number {
    const text = this.text;
    const n = text.length;
    const heredoc = this.heredocs[this.heredocs.length - 1] as OpenHeredoc;
    if (heredoc.startOfLine) {
      const close = this.closingMarkerEnd(i, heredoc.marker);
      if (close >= 0) {
        const newline = close;
        const end = newline > i && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
        this.emit(CHEREDOC, i, end);
        this.emit(NEWLINE, end, newline + 1);
        this.heredocs.pop();
        this.mode = this.modes.pop() ?? MAIN;
        return newline + 1;
      }
    }
    const c = text.charCodeAt(i);
    if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === 0x7b) {
      return this.openSequence(c === 0x24 ? TEMPLATE_INTERP : TEMPLATE_CONTROL, i);
    }
    let j = i;
    let endsLine = false;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x0a) {
        j++;
        endsLine = true;
        break;
      }
      if (d === 0x24 || d === 0x25) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x7b) break;
        j += e === d && text.charCodeAt(j + 2) === 0x7b ? 3 : 1;
        continue;
      }
      j++;
    }
    this.emit(STRING_LIT, i, j);
    heredoc.startOfLine = endsLine;
    return j;
  }

  /**
   * Where the line at `i` ends (its `\n`) when, spaces trimmed, it is exactly the marker; -1 when
   * it is not. A marker line must end with a line break, as in hclsyntax.
   */
  private closingMarkerEnd(i: number, marker: string): number {
    const text = this.text;
    const n = text.length;
    let j = i;
    while (j < n && text.charCodeAt(j) !== 0x0a && isUnicodeSpace(text.charCodeAt(j))) j++;
    if (!text.startsWith(marker, j)) return -1;
    j += marker.length;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0x0a) return j;
      if (!isUnicodeSpace(c)) return -1;
      j++;
    }
    return -1;
  }
}

/** Scans a whole file. Never throws; an unusable character is reported in `error`. */
export function scanTokens(text: string): TokenTable {
  const scanner = new Scanner(text);
  scanner.run();
  return scanner.table();
}
