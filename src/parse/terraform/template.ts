import type { Expression, Identifier, TemplatePart } from './ast.js';
import { ParseFailure } from './failure.js';
import { isUnicodeSpace } from './lexer.js';

// Template content as hclsyntax's parseTemplateParts sees it: a flat list of literal texts,
// interpolations and directive markers. Strip markers (`~`) are applied while the list is built,
// then heredoc indentation (`<<-`), then consecutive texts are joined and the directives nested.
// The order matters and follows hclsyntax/parser_template.go.

export interface RawText {
  readonly kind: 'text';
  value: string;
  readonly start: number;
  end: number;
}

export interface RawInterpolation {
  readonly kind: 'interpolation';
  readonly expr: Expression;
  readonly stripBefore: boolean;
  readonly stripAfter: boolean;
  readonly start: number;
  readonly end: number;
}

export interface RawIf {
  readonly kind: 'if';
  readonly condition: Expression;
  readonly start: number;
  readonly end: number;
}

export interface RawFor {
  readonly kind: 'for';
  readonly keyVar: Identifier | undefined;
  readonly valueVar: Identifier;
  readonly collection: Expression;
  readonly start: number;
  readonly end: number;
}

export interface RawEnd {
  readonly kind: 'else' | 'endif' | 'endfor';
  readonly start: number;
  readonly end: number;
}

export type RawPart = RawText | RawInterpolation | RawIf | RawFor | RawEnd;

function hexValue(text: string, from: number, digits: number, limit: number): number {
  if (from + digits > limit) return -1;
  let value = 0;
  for (let i = from; i < from + digits; i++) {
    const c = text.charCodeAt(i);
    let digit: number;
    if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) digit = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) digit = c - 0x37;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * The value of a quoted literal's source `text.slice(start, end)`: backslash escapes and the
 * `$${` / `%%{` escapes decoded. An invalid escape is a syntax error, as in hclsyntax.
 */
export function decodeQuotedLiteral(text: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      out += text.slice(from, i);
      const selector = text.charCodeAt(i + 1);
      switch (selector) {
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += '\\';
          break;
        case 0x75:
        case 0x55: {
          const digits = selector === 0x75 ? 4 : 8;
          const point = hexValue(text, i + 2, digits, end);
          if (point < 0) {
            throw new ParseFailure(`Invalid escape sequence: the \\${String.fromCharCode(selector)} escape sequence must be followed by ${digits === 4 ? 'four' : 'eight'} hexadecimal digits.`, i);
          }
          if ((point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) {
            throw new ParseFailure(`Invalid escape sequence: cannot encode character U+${point.toString(16).toUpperCase().padStart(4, '0')} in UTF-8.`, i);
          }
          out += String.fromCodePoint(point);
          i += digits;
          break;
        }
        default: {
          const symbol = String.fromCodePoint(text.codePointAt(i + 1) ?? 0x5c);
          throw new ParseFailure(`Invalid escape sequence: the symbol ${JSON.stringify(symbol)} is not a valid escape sequence selector.`, i);
        }
      }
      i++;
      from = i + 1;
    } else if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b) {
      out += text.slice(from, i + 1) + '{';
      i += 2;
      from = i + 1;
    }
  }
  return from === start ? text.slice(start, end) : out + text.slice(from, end);
}

/** The value of a heredoc literal: only `$${` and `%%{` are escapes there. */
export function decodeHeredocLiteral(text: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x24 || c === 0x25) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 0x7b) {
      out += text.slice(from, i + 1) + '{';
      i += 2;
      from = i + 1;
    }
  }
  return from === start ? text.slice(start, end) : out + text.slice(from, end);
}

export function trimLeftSpace(value: string): string {
  let i = 0;
  while (i < value.length && isUnicodeSpace(value.charCodeAt(i))) i++;
  return i === 0 ? value : value.slice(i);
}

export function trimRightSpace(value: string): string {
  let i = value.length;
  while (i > 0 && isUnicodeSpace(value.charCodeAt(i - 1))) i--;
  return i === value.length ? value : value.slice(0, i);
}

function leadingSpaces(value: string): number {
  let i = 0;
  while (i < value.length && isUnicodeSpace(value.charCodeAt(i))) i++;
  return i;
}

/**
 * `<<-` heredocs: the smallest indentation of the texts that start a line (lines holding only
 * spaces do not count; a line starting with an interpolation counts as 0) is removed from all of
 * them. Texts here are one per source line, as hclsyntax's tokens are.
 */
export function flushHeredoc(parts: RawPart[]): void {
  let min = Number.POSITIVE_INFINITY;
  let lineStart = true;
  const adjust: RawText[] = [];
  for (const part of parts) {
    if (lineStart) {
      lineStart = false;
      let spaces = 0;
      if (part.kind === 'text') {
        const leading = leadingSpaces(part.value);
        if (leading === part.value.length && part.value.endsWith('\n')) {
          spaces = Number.POSITIVE_INFINITY;
        } else {
          spaces = leading;
          adjust.push(part);
        }
      }
      if (spaces < min) min = spaces;
    }
    if (part.kind === 'text' && part.value.endsWith('\n')) lineStart = true;
  }
  if (min === 0 || adjust.length === 0) return;
  for (const part of adjust) part.value = part.value.slice(min);
}

/** Joins consecutive texts (after stripping and flushing, like hclsyntax's meldConsecutiveStringLiterals). */
export function meldTexts(parts: RawPart[]): RawPart[] {
  const out: RawPart[] = [];
  let last: RawPart | undefined;
  for (const part of parts) {
    if (part.kind === 'text' && last?.kind === 'text') {
      last.value += part.value;
      last.end = part.end;
      continue;
    }
    out.push(part);
    last = part;
  }
  return out;
}

function normalized(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) >= 0x80) return value.normalize('NFC');
  }
  return value;
}

interface Frame {
  readonly open: RawIf | RawFor | undefined;
  readonly then: TemplatePart[];
  readonly else: TemplatePart[];
  inElse: boolean;
}

export interface NestOptions {
  /** `line:column` of an offset, for messages. */
  readonly where: (offset: number) => string;
  /** Directives may nest this deep here (what is left of the depth cap). */
  readonly maxNesting: number;
  /** The depth cap, for the message. */
  readonly maxDepth: number;
}

/** Nests the directives of a flat part list; iterative, and capped like the rest of the tree. */
export function nestTemplateParts(parts: readonly RawPart[], options: NestOptions): TemplatePart[] {
  const { where } = options;
  const stack: Frame[] = [{ open: undefined, then: [], else: [], inElse: false }];
  for (const part of parts) {
    const top = stack[stack.length - 1] as Frame;
    const into = top.inElse ? top.else : top.then;
    switch (part.kind) {
      case 'text':
        into.push({ kind: 'text', value: normalized(part.value), span: { start: part.start, end: part.end } });
        break;
      case 'interpolation':
        into.push({ kind: 'interpolation', expr: part.expr, stripBefore: part.stripBefore, stripAfter: part.stripAfter, span: { start: part.start, end: part.end } });
        break;
      case 'if':
      case 'for':
        if (stack.length > options.maxNesting) throw new ParseFailure(`Nesting too deep: more than ${options.maxDepth} levels of nested blocks or expressions.`, part.start);
        stack.push({ open: part, then: [], else: [], inElse: false });
        break;
      case 'else':
        if (top.open?.kind === 'if' && !top.inElse) {
          top.inElse = true;
          break;
        }
        throw new ParseFailure(
          top.open === undefined
            ? 'Unexpected else directive: the control directives within this template are unbalanced.'
            : top.open.kind === 'if'
              ? `Unexpected else directive: already in the else clause for the if started at ${where(top.open.start)}.`
              : 'Unexpected else directive: an else clause is not expected for a for directive.',
          part.start,
        );
      case 'endif':
      case 'endfor': {
        const wanted = part.kind === 'endif' ? 'if' : 'for';
        const open = top.open;
        if (open?.kind !== wanted) {
          const expected = open === undefined ? 'the control directives within this template are unbalanced.' : `expecting an end${open.kind} directive for the ${open.kind} started at ${where(open.start)}.`;
          throw new ParseFailure(`Unexpected ${part.kind} directive: ${expected}`, part.start);
        }
        stack.pop();
        const parent = stack[stack.length - 1] as Frame;
        const span = { start: open.start, end: part.end };
        const node: TemplatePart =
          open.kind === 'if'
            ? { kind: 'if', condition: open.condition, then: top.then, else: top.else, span }
            : { kind: 'for', keyVar: open.keyVar, valueVar: open.valueVar, collection: open.collection, body: top.then, span };
        (parent.inElse ? parent.else : parent.then).push(node);
        break;
      }
    }
  }
  const unclosed = stack[stack.length - 1] as Frame;
  if (unclosed.open !== undefined) {
    const kind = unclosed.open.kind;
    throw new ParseFailure(`Unexpected end of template: the ${kind} directive at ${where(unclosed.open.start)} is missing its corresponding end${kind} directive.`, unclosed.open.start);
  }
  return (stack[0] as Frame).then;
}
