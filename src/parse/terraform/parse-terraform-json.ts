import type { SourceFile } from '../../source/source-file.js';
import type { Attribute, Block, BlockLabel, Body, Expression, HclParseResult, ObjectItem, TemplateExpr, TemplatePart, TextSpan } from './ast.js';
import { ParseFailure } from './failure.js';
import { scanTokens } from './lexer.js';
import { Parser } from './parser.js';
import { trimLeftSpace, trimRightSpace } from './template.js';

// A strict RFC 8259 JSON parser that keeps the offsets of every value and property name, and of
// every decoded string character, so that templates inside JSON strings can be mapped back onto
// the file. Duplicate property names are kept, in order: HCL's JSON syntax merges repeated block
// types, and rejects repeated attributes itself with a better message.

export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
  /** Including the quotes. */
  readonly span: TextSpan;
  /**
   * Source offsets of each decoded UTF-16 unit (`starts[i]`, `ends[i]`), only when the source has
   * escapes; otherwise unit `i` is at `span.start + 1 + i`.
   */
  readonly starts: readonly number[] | undefined;
  readonly ends: readonly number[] | undefined;
}

export interface JsonNumber {
  readonly kind: 'number';
  readonly raw: string;
  readonly span: TextSpan;
}

export interface JsonKeyword {
  readonly kind: 'keyword';
  readonly value: boolean | null;
  readonly span: TextSpan;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly elements: readonly JsonValue[];
  readonly span: TextSpan;
}

export interface JsonProperty {
  readonly key: JsonString;
  readonly value: JsonValue;
}

export interface JsonObject {
  readonly kind: 'object';
  readonly properties: readonly JsonProperty[];
  readonly span: TextSpan;
}

export type JsonValue = JsonString | JsonNumber | JsonKeyword | JsonArray | JsonObject;

/** Source offset of decoded unit `index` (the closing quote for `index === length`). */
export function sourceStart(str: JsonString, index: number): number {
  const length = str.value.length;
  if (index >= length) return str.span.end - 1;
  if (index <= 0) return str.span.start + 1;
  return str.starts ? (str.starts[index] as number) : str.span.start + 1 + index;
}

/** Source offset just after decoded unit `index - 1` (the opening quote's end for 0). */
export function sourceEnd(str: JsonString, index: number): number {
  const length = str.value.length;
  if (index <= 0) return str.span.start + 1;
  if (index >= length) return str.span.end - 1;
  return str.ends ? (str.ends[index - 1] as number) : str.span.start + 1 + index;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonParser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): JsonValue {
    this.skipSpace();
    if (this.pos >= this.text.length) throw new ParseFailure('Empty JSON file: a JSON value is expected.', this.pos);
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) throw new ParseFailure('Extraneous data after value: only one JSON value is allowed per file.', this.pos);
    return value;
  }

  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  private unexpected(what: string): never {
    if (this.pos >= this.text.length) throw new ParseFailure(`Unexpected end of file: ${what} is expected.`, this.pos);
    const c = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    throw new ParseFailure(`Invalid JSON: ${what} is expected, found ${JSON.stringify(c)}.`, this.pos);
  }

  private parseValue(): JsonValue {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 0x7b) return this.parseObject();
    if (c === 0x5b) return this.parseArray();
    if (c === 0x22) return this.parseString();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = start;
      const match = NUMBER.exec(text);
      if (!match) this.unexpected('a number');
      this.pos = start + match[0].length;
      return { kind: 'number', raw: match[0], span: { start, end: this.pos } };
    }
    for (const [word, value] of KEYWORDS) {
      if (text.startsWith(word, start)) {
        this.pos = start + word.length;
        return { kind: 'keyword', value, span: { start, end: this.pos } };
      }
    }
    return this.unexpected('a JSON value (object, array, string, number, true, false or null)');
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) throw new ParseFailure(`Nesting too deep: more than ${this.maxDepth} levels of nested JSON arrays and objects.`, this.pos);
  }

  private parseObject(): JsonObject {
    this.enter();
    const start = this.pos++;
    const properties: JsonProperty[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      this.depth--;
      return { kind: 'object', properties, span: { start, end: this.pos } };
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.unexpected('a property name in double quotes');
      const key = this.parseString();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.unexpected('a colon after the property name');
      this.pos++;
      this.skipSpace();
      properties.push({ key, value: this.parseValue() });
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x7d) break;
      if (c !== 0x2c) {
        this.pos--;
        this.unexpected('a comma or a closing brace');
      }
    }
    this.depth--;
    return { kind: 'object', properties, span: { start, end: this.pos } };
  }

  private parseArray(): JsonArray {
    this.enter();
    const start = this.pos++;
    const elements: JsonValue[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      this.depth--;
      return { kind: 'array', elements, span: { start, end: this.pos } };
    }
    for (;;) {
      this.skipSpace();
      elements.push(this.parseValue());
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x5d) break;
      if (c !== 0x2c) {
        this.pos--;
        this.unexpected('a comma or a closing bracket');
      }
    }
    this.depth--;
    return { kind: 'array', elements, span: { start, end: this.pos } };
  }

  private parseString(): JsonString {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    // Fast path: no escapes, identity offset map.
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return { kind: 'string', value: text.slice(start + 1, i), span: { start, end: this.pos }, starts: undefined, ends: undefined };
      }
      if (c === 0x5c) break;
      if (Number.isNaN(c)) throw new ParseFailure('Unterminated string: no closing quote was found for the string opened here.', start);
      if (c < 0x20) throw new ParseFailure('Invalid JSON string: control characters must be escaped.', i);
      i++;
    }
    let value = text.slice(start + 1, i);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let k = start + 1; k < i; k++) {
      starts.push(k);
      ends.push(k + 1);
    }
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c)) throw new ParseFailure('Unterminated string: no closing quote was found for the string opened here.', start);
      if (c < 0x20) throw new ParseFailure('Invalid JSON string: control characters must be escaped.', i);
      if (c !== 0x5c) {
        value += text[i];
        starts.push(i);
        ends.push(i + 1);
        i++;
        continue;
      }
      const selector = text[i + 1];
      const simple = selector === undefined ? undefined : SIMPLE_ESCAPES[selector];
      let width = 2;
      if (simple !== undefined) {
        value += simple;
      } else if (selector === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ParseFailure('Invalid escape sequence: \\u must be followed by four hexadecimal digits.', i);
        value += String.fromCharCode(parseInt(hex, 16));
        width = 6;
      } else {
        throw new ParseFailure(`Invalid escape sequence: ${JSON.stringify('\\' + (selector ?? ''))} is not a JSON escape.`, i);
      }
      starts.push(i);
      ends.push(i + width);
      i += width;
    }
    this.pos = i + 1;
    return { kind: 'string', value, span: { start, end: this.pos }, starts, ends };
  }
}

const KEYWORDS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses a whole JSON document; throws ParseFailure with the offset of the first error. */
export function parseJsonValue(text: string, maxDepth: number): JsonValue {
  return new JsonParser(text, maxDepth).parseDocument();
}

// ---------------------------------------------------------------------------------------------
// JSON → HCL Body, after HashiCorp's JSON configuration syntax.
//
// Block or attribute: JSON has no schema, so a property whose value is an object (or an array
// of objects) could be a nested block or a map attribute. Top-level block types and Terraform's
// own meta blocks (lifecycle, provisioner, connection, dynamic/content, precondition, …, see
// BLOCKS) become Blocks with their labels taken from the nesting of object keys, as Terraform
// decodes them. Everything else, provider-specific nested blocks included (`versioning` in an
// S3 bucket), becomes an Attribute whose expression is an object or tuple expression; bodies
// are marked `fromJson` and `jsonBlockCandidates` lists these so that a consumer with a schema
// can lower them to blocks.
//
// Strings are templates (`${…}`, `%{…}`), except where Terraform reads an expression
// (EXPRESSION_ATTRS: depends_on, provider, variable type, lifecycle ignore_changes, moved
// from/to, …: the string is parsed as an HCL expression) and in variable defaults and
// .tfvars.json values, which are literal. `count` and `for_each` are ordinary templates
// (`"${length(var.x)}"`) in Terraform's JSON syntax. The `//` property is a comment and ignored.
// ---------------------------------------------------------------------------------------------

interface BlockSchema {
  readonly labels: number;
  readonly context: string;
}

const BLOCKS: Readonly<Record<string, Readonly<Record<string, BlockSchema>>>> = {
  file: {
    resource: { labels: 2, context: 'resource' },
    data: { labels: 2, context: 'resource' },
    ephemeral: { labels: 2, context: 'resource' },
    module: { labels: 1, context: 'module' },
    variable: { labels: 1, context: 'variable' },
    output: { labels: 1, context: 'output' },
    provider: { labels: 1, context: 'plain' },
    terraform: { labels: 0, context: 'terraform' },
    locals: { labels: 0, context: 'plain' },
    moved: { labels: 0, context: 'moved' },
    import: { labels: 0, context: 'import' },
    removed: { labels: 0, context: 'removed' },
    check: { labels: 1, context: 'check' },
  },
  resource: {
    lifecycle: { labels: 0, context: 'lifecycle' },
    provisioner: { labels: 1, context: 'provisioner' },
    connection: { labels: 0, context: 'plain' },
    dynamic: { labels: 1, context: 'dynamic' },
  },
  // `content` holds the generated block's body: nested `dynamic` blocks may appear in it.
  dynamic: { content: { labels: 0, context: 'content' } },
  content: { dynamic: { labels: 1, context: 'dynamic' } },
  provisioner: { connection: { labels: 0, context: 'plain' } },
  lifecycle: { precondition: { labels: 0, context: 'plain' }, postcondition: { labels: 0, context: 'plain' } },
  variable: { validation: { labels: 0, context: 'plain' } },
  output: { precondition: { labels: 0, context: 'plain' } },
  terraform: {
    required_providers: { labels: 0, context: 'plain' },
    backend: { labels: 1, context: 'plain' },
    cloud: { labels: 0, context: 'cloud' },
    provider_meta: { labels: 1, context: 'plain' },
  },
  cloud: { workspaces: { labels: 0, context: 'plain' } },
  check: { data: { labels: 2, context: 'resource' }, assert: { labels: 0, context: 'plain' } },
  removed: { lifecycle: { labels: 0, context: 'lifecycle' }, provisioner: { labels: 1, context: 'provisioner' }, connection: { labels: 0, context: 'plain' } },
};

type Mode = 'template' | 'expression' | 'literal';

const EXPRESSION_ATTRS: Readonly<Record<string, ReadonlySet<string>>> = {
  resource: new Set(['depends_on', 'provider']),
  module: new Set(['depends_on', 'providers']),
  output: new Set(['depends_on']),
  variable: new Set(['type']),
  lifecycle: new Set(['ignore_changes', 'replace_triggered_by']),
  moved: new Set(['from', 'to']),
  import: new Set(['to', 'provider']),
  removed: new Set(['from']),
  dynamic: new Set(['iterator']),
};

const LITERAL_ATTRS: Readonly<Record<string, ReadonlySet<string>>> = {
  variable: new Set(['default']),
};

function attributeMode(context: string, name: string): Mode {
  if (EXPRESSION_ATTRS[context]?.has(name)) return 'expression';
  if (LITERAL_ATTRS[context]?.has(name)) return 'literal';
  return 'template';
}

const COMMENT_KEY = '//';

export interface ParseTerraformJsonOptions {
  /** Deepest nesting of JSON values, blocks and expressions accepted; default 500. */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 500;

/** Builds expressions from JSON values; throws ParseFailure. */
class JsonLowering {
  constructor(
    private readonly file: SourceFile,
    private readonly maxDepth: number,
  ) {}

  private where = (offset: number): string => {
    const { line, column } = this.file.positionAt(offset);
    return `${line}:${column}`;
  };

  body(object: JsonObject, context: string, span: TextSpan): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const seen = new Map<string, Attribute>();
    const schema = BLOCKS[context] ?? {};
    for (const property of object.properties) {
      const name = property.key.value;
      if (name === COMMENT_KEY) continue;
      const block = Object.hasOwn(schema, name) ? schema[name] : undefined;
      if (block) {
        this.blocks(property.key, property.value, block, [], blocks);
        continue;
      }
      const previous = seen.get(name);
      if (previous) throw new ParseFailure(`Duplicate argument: the argument ${JSON.stringify(name)} was already set at ${this.where(previous.nameSpan.start)}. Each argument may be set only once.`, property.key.span.start);
      const attribute: Attribute = {
        name,
        nameSpan: property.key.span,
        expr: this.expression(property.value, attributeMode(context, name)),
        span: { start: property.key.span.start, end: property.value.span.end },
      };
      seen.set(name, attribute);
      attributes.push(attribute);
    }
    return { attributes, blocks, span, fromJson: true };
  }

  /** One block per object reached after `schema.labels` levels of keys; arrays may appear at any level. */
  private blocks(type: JsonString, value: JsonValue, schema: BlockSchema, labels: BlockLabel[], out: Block[]): void {
    if (value.kind === 'array') {
      for (const element of value.elements) this.blocks(type, element, schema, labels, out);
      return;
    }
    if (value.kind !== 'object') {
      const what = labels.length < schema.labels ? `a JSON object whose property names are the ${JSON.stringify(type.value)} block's labels` : `a JSON object holding the ${JSON.stringify(type.value)} block's body`;
      throw new ParseFailure(`Incorrect JSON value type: ${what} is required here.`, value.span.start);
    }
    if (labels.length < schema.labels) {
      for (const property of value.properties) {
        if (property.key.value === COMMENT_KEY) continue;
        const label: BlockLabel = { value: property.key.value, span: property.key.span, quoted: true };
        this.blocks(type, property.value, schema, [...labels, label], out);
      }
      return;
    }
    const span = value.span;
    out.push({
      type: type.value,
      typeSpan: type.span,
      labels,
      body: this.body(value, schema.context, span),
      openBraceSpan: { start: span.start, end: span.start + 1 },
      closeBraceSpan: { start: span.end - 1, end: span.end },
      span: { start: type.span.start, end: span.end },
    });
  }

  expression(value: JsonValue, mode: Mode): Expression {
    switch (value.kind) {
      case 'number':
        return { kind: 'literal', value: Number(value.raw), raw: value.raw, span: value.span };
      case 'keyword':
        return { kind: 'literal', value: value.value, raw: String(value.value), span: value.span };
      case 'string':
        if (mode === 'template') return this.template(value);
        if (mode === 'expression') return this.hclExpression(value);
        return literalString(value);
      case 'array':
        return { kind: 'tuple', elements: value.elements.map((element) => this.expression(element, mode)), span: value.span };
      case 'object':
        return {
          kind: 'object',
          items: value.properties.map((property): ObjectItem => {
            const key = this.objectKey(property.key, mode);
            return { key: key.expr, nameKey: key.nameKey, value: this.expression(property.value, mode), span: { start: property.key.span.start, end: property.value.span.end } };
          }),
          span: value.span,
        };
    }
  }

  private objectKey(key: JsonString, mode: Mode): { expr: Expression; nameKey: string | undefined } {
    if (mode !== 'expression') return { expr: mode === 'template' ? this.template(key) : literalString(key), nameKey: undefined };
    // As in native syntax, a bare name key (`{ aws = aws.west }` in module providers) is that name.
    const expr = this.hclExpression(key);
    return { expr, nameKey: expr.kind === 'traversal' && expr.steps.length === 0 ? expr.root : undefined };
  }

  /** The string's value as a bare template (no quotes, no backslash escapes), as HCL's JSON syntax reads it. */
  template(str: JsonString): TemplateExpr {
    const value = str.value;
    if (!value.includes('${') && !value.includes('%{')) return { ...literalString(str), parts: value === '' ? [] : [{ kind: 'text', value: nfc(value), span: contentSpan(str) }] };
    // A heredoc body has the same grammar as a bare template; its final line break is ours.
    let marker = 'EOT';
    while (value.includes(marker)) marker += '_';
    const prefix = `v = <<${marker}\n`;
    const expr = this.parseSynthetic(str, prefix, `${prefix}${value}\n${marker}\n`);
    if (expr.kind !== 'template') throw new ParseFailure('Invalid template string.', str.span.start);
    const parts = [...expr.parts];
    const last = parts[parts.length - 1];
    if (last?.kind === 'text' && last.span.end === str.span.end && last.value.endsWith('\n')) {
      const trimmed = last.value.slice(0, -1);
      if (trimmed === '') parts.pop();
      else parts[parts.length - 1] = { ...last, value: trimmed, span: { start: last.span.start, end: str.span.end - 1 } };
    }
    return { kind: 'template', parts: restrip(parts), span: str.span };
  }

  /** The string's value parsed as an HCL expression (`"aws_s3_bucket.b"`, `"list(string)"`). */
  hclExpression(str: JsonString): Expression {
    const prefix = 'v = (';
    const expr = this.parseSynthetic(str, prefix, `${prefix}${str.value})\n`);
    // Only a parenthesised whole survives: `a) + (b` must not parse as an expression.
    if (expr.kind !== 'parens' || expr.span.start !== str.span.start || expr.span.end !== str.span.end) {
      throw new ParseFailure('Invalid expression: the string must hold exactly one HCL expression.', str.span.start + 1);
    }
    return expr.expr;
  }

  /**
   * Parses `text` (the string's value behind `prefix`, with a suffix) with the native parser and
   * maps every offset back onto the file through the string's offset map. An offset in the
   * prefix maps to the opening quote, one in the suffix to the closing quote.
   */
  private parseSynthetic(str: JsonString, prefix: string, text: string): Expression {
    const length = str.value.length;
    const toFile = (offset: number, isEnd: boolean): number => {
      const index = offset - prefix.length;
      if (index < 0) return str.span.start;
      if (index > length) return str.span.end;
      return isEnd ? sourceEnd(str, index) : sourceStart(str, index);
    };
    // An error in the prefix or suffix (an unclosed parenthesis) points into the string's quotes.
    const errorAt = (offset: number): number => Math.min(Math.max(toFile(offset, false), str.span.start), str.span.end - 1);
    const where = (offset: number): string => this.where(errorAt(offset));
    const tokens = scanTokens(text);
    if (tokens.error) throw new ParseFailure(tokens.error.message, errorAt(tokens.error.offset));
    let body: Body;
    try {
      body = new Parser({ text, tokens, maxDepth: this.maxDepth, where }).parseFile();
    } catch (error) {
      if (error instanceof ParseFailure) throw new ParseFailure(error.message, errorAt(error.offset));
      throw error;
    }
    const attribute = body.attributes[0];
    if (!attribute || body.attributes.length !== 1 || body.blocks.length !== 0) {
      throw new ParseFailure('Invalid expression: the string must hold exactly one HCL expression.', str.span.start + 1);
    }
    return remapSpans(attribute.expr, toFile) as Expression;
  }
}

/**
 * Heredoc literals are split at line breaks, so `~` there strips one line's spaces only; a bare
 * template's literal is one piece and loses all of them. Reapplied for interpolations (directives
 * do not record their strip markers in the tree: not handled).
 */
function restrip(parts: readonly TemplatePart[]): TemplatePart[] {
  const out = parts.map((part): TemplatePart => {
    if (part.kind === 'if') return { ...part, then: restrip(part.then), else: restrip(part.else) };
    if (part.kind === 'for') return { ...part, body: restrip(part.body) };
    return part;
  });
  for (let i = 0; i < out.length; i++) {
    const part = out[i];
    if (part?.kind !== 'interpolation') continue;
    const before = out[i - 1];
    if (part.stripBefore && before?.kind === 'text') out[i - 1] = { ...before, value: trimRightSpace(before.value) };
    const after = out[i + 1];
    if (part.stripAfter && after?.kind === 'text') out[i + 1] = { ...after, value: trimLeftSpace(after.value) };
  }
  return out;
}

function contentSpan(str: JsonString): TextSpan {
  return { start: str.span.start + 1, end: str.span.end - 1 };
}

function nfc(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) >= 0x80) return value.normalize('NFC');
  }
  return value;
}

/** A string taken as is: one text part (none for `""`). */
function literalString(str: JsonString): TemplateExpr {
  return { kind: 'template', parts: str.value === '' ? [] : [{ kind: 'text', value: str.value, span: contentSpan(str) }], span: str.span };
}

function isTextSpan(value: object): value is TextSpan {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}

/** A copy of a syntax tree with every TextSpan mapped (the tree is plain data: objects, arrays, primitives). */
function remapSpans(node: unknown, map: (offset: number, isEnd: boolean) => number): unknown {
  if (Array.isArray(node)) return node.map((item: unknown) => remapSpans(item, map));
  if (node === null || typeof node !== 'object') return node;
  if (isTextSpan(node)) return { start: map(node.start, false), end: map(node.end, true) };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = remapSpans(value, map);
  return out;
}

function fail(error: unknown): HclParseResult {
  if (error instanceof ParseFailure) return { body: undefined, comments: [], errors: [{ message: error.message, offset: error.offset }] };
  const message = error instanceof RangeError ? 'Nesting too deep: the file could not be parsed.' : `Internal parser error: ${String(error)}`;
  return { body: undefined, comments: [], errors: [{ message, offset: 0 }] };
}

function parseRootObject(file: SourceFile, maxDepth: number): JsonObject {
  const root = parseJsonValue(file.text, maxDepth);
  if (root.kind !== 'object') throw new ParseFailure('Incorrect JSON value type: the root of a JSON configuration file must be an object.', root.span.start);
  return root;
}

/**
 * Parses a Terraform JSON-syntax file (`.tf.json`) into the same syntax tree as `parseHcl`, every
 * node with its offsets. Stops at the first error (no body then). Never throws.
 */
export function parseTerraformJson(file: SourceFile, options: ParseTerraformJsonOptions = {}): HclParseResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  try {
    const root = parseRootObject(file, maxDepth);
    const body = new JsonLowering(file, maxDepth).body(root, 'file', { start: 0, end: file.text.length });
    return { body, comments: [], errors: [] };
  } catch (error) {
    return fail(error);
  }
}

/**
 * Parses a `.tfvars.json` file: each property of the root object is an attribute whose value is
 * the JSON value itself (strings are literal, not templates, as Terraform reads variable files).
 */
export function parseTfvarsJsonSyntax(file: SourceFile, options: ParseTerraformJsonOptions = {}): HclParseResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  try {
    const root = parseRootObject(file, maxDepth);
    const lowering = new JsonLowering(file, maxDepth);
    const attributes: Attribute[] = [];
    const seen = new Map<string, TextSpan>();
    for (const property of root.properties) {
      const name = property.key.value;
      const previous = seen.get(name);
      if (previous) {
        const { line, column } = file.positionAt(previous.start);
        throw new ParseFailure(`Duplicate argument: the argument ${JSON.stringify(name)} was already set at ${line}:${column}. Each argument may be set only once.`, property.key.span.start);
      }
      seen.set(name, property.key.span);
      attributes.push({ name, nameSpan: property.key.span, expr: lowering.expression(property.value, 'literal'), span: { start: property.key.span.start, end: property.value.span.end } });
    }
    return { body: { attributes, blocks: [], span: { start: 0, end: file.text.length }, fromJson: true }, comments: [], errors: [] };
  } catch (error) {
    return fail(error);
  }
}

/**
 * Attributes of a JSON-syntax body that a schema could read as nested blocks: those holding an
 * object, or a non-empty tuple of objects (several blocks of one type). Empty for native bodies.
 */
export function jsonBlockCandidates(body: Body): Attribute[] {
  if (body.fromJson !== true) return [];
  return body.attributes.filter(({ expr }) => expr.kind === 'object' || (expr.kind === 'tuple' && expr.elements.length > 0 && expr.elements.every((element) => element.kind === 'object')));
}
