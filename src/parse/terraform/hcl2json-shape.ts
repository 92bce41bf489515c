import type { Block, Body, Expression, ObjectItem, TemplateExpr, TemplatePart } from './ast.js';

// Test support only: renders our syntax tree in the JSON shape of the hcl2json converter compiled
// into @cdktf/hcl2json (tmccombs/hcl2json's convert package, cdktf fork, on hclsyntax v2.17), so
// that parse-hcl.oracle.test.ts can compare the two. The rules, found by experiment:
// - blocks nest by type then labels into objects, each body in an array; then attributes, which
//   overwrite a block of the same name;
// - literals are values; `-` / `!` on a literal is folded; strings are their decoded value with
//   `${` / `%{` escaped again as `$${` / `%%{`;
// - a template keeps its literal text and renders each interpolation as `${<source>}` (source
//   trimmed of the `${ }` spacing), `%{if}` / `%{for}` as `%{if <source>}…%{else}…%{endif}`;
//   an interpolated literal is stringified and an interpolated conditional becomes an `%{if}`;
// - a template that is a single interpolation is that expression's projection;
// - tuples and objects are projected element-wise; an object key that is a reference is its
//   source text, any other key is projected like a template part;
// - anything else is `${<source>}`.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Something hcl2json itself fails to convert (it then rejects the whole file). */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

function setKey(object: JsonObject, key: string, value: JsonValue): void {
  // `__proto__` must become an own key, as JSON.parse makes it.
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

export function toHcl2JsonShape(body: Body, text: string): JsonObject {
  return new Projection(text).body(body);
}

class Projection {
  constructor(private readonly text: string) {}

  body(body: Body): JsonObject {
    const out: JsonObject = {};
    for (const block of body.blocks) this.block(block, out);
    for (const attribute of body.attributes) setKey(out, attribute.name, this.expression(attribute.expr));
    return out;
  }

  private block(block: Block, into: JsonObject): void {
    let target = into;
    let key = block.type;
    for (const label of block.labels) {
      if (has(target, key)) {
        const existing = target[key];
        if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) throw new ShapeError(`Unable to convert Block to JSON: ${block.type}`);
        target = existing;
      } else {
        const created: JsonObject = {};
        setKey(target, key, created);
        target = created;
      }
      key = label.value;
    }
    const value = this.body(block.body);
    if (has(target, key)) {
      const existing = target[key];
      if (!Array.isArray(existing)) throw new ShapeError(`invalid HCL detected for "${block.type}" block, cannot have blocks with and without labels`);
      existing.push(value);
    } else {
      setKey(target, key, [value]);
    }
  }

  /** Source text of a node, plus a `)` right after it (hcl2json's rangeSource does that). */
  private source(expr: { span: { start: number; end: number } }): string {
    const { start, end } = expr.span;
    return this.text.slice(start, this.text.charCodeAt(end) === 0x29 ? end + 1 : end);
  }

  private wrap(expr: Expression): string {
    return '${' + this.source(expr) + '}';
  }

  expression(expr: Expression): JsonValue {
    switch (expr.kind) {
      case 'literal':
        return literalValue(expr.value);
      case 'unary': {
        if (expr.operand.kind !== 'literal') return this.wrap(expr);
        const value = expr.operand.value;
        if (expr.operator === '-') {
          if (typeof value !== 'number') throw new ShapeError('Invalid operand for -');
          return literalValue(-value);
        }
        if (typeof value !== 'boolean') throw new ShapeError('Invalid operand for !');
        return !value;
      }
      case 'template':
        if (isWrap(expr)) return this.expression((expr.parts[0] as { expr: Expression }).expr);
        return this.template(expr.parts);
      case 'tuple':
        return expr.elements.map((element) => this.expression(element));
      case 'object': {
        const out: JsonObject = {};
        for (const item of expr.items) setKey(out, this.key(item), this.expression(item.value));
        return out;
      }
      default:
        return this.wrap(expr);
    }
  }

  private key(item: ObjectItem): string {
    if (item.key.kind === 'traversal') return this.source(item.key);
    return this.stringPart(item.key);
  }

  private template(parts: readonly TemplatePart[]): string {
    let out = '';
    for (const part of parts) out += this.part(part);
    return out;
  }

  private part(part: TemplatePart): string {
    switch (part.kind) {
      case 'text':
        return escapeTemplate(part.value);
      case 'interpolation':
        return this.stringPart(part.expr);
      case 'if': {
        const otherwise = this.template(part.else);
        return `%{if ${this.source(part.condition)}}${this.template(part.then)}${otherwise.length > 0 ? `%{else}${otherwise}` : ''}%{endif}`;
      }
      case 'for': {
        const names = part.keyVar ? `${part.keyVar.name}, ${part.valueVar.name}` : part.valueVar.name;
        return `%{for ${names} in ${this.source(part.collection)}}${this.template(part.body)}%{endfor}`;
      }
    }
  }

  /** An expression inside a template (hcl2json's convertStringPart). */
  private stringPart(expr: Expression): string {
    switch (expr.kind) {
      case 'literal':
        return literalString(expr);
      case 'template':
        if (isWrap(expr)) return this.stringPart((expr.parts[0] as { expr: Expression }).expr);
        return this.template(expr.parts);
      case 'conditional': {
        const otherwise = this.stringPart(expr.else);
        return `%{if ${this.source(expr.condition)}}${this.stringPart(expr.then)}${otherwise.length > 0 ? `%{else}${otherwise}` : ''}%{endif}`;
      }
      default:
        return this.wrap(expr);
    }
  }
}

function isWrap(template: TemplateExpr): boolean {
  return template.parts.length === 1 && (template.parts[0] as TemplatePart).kind === 'interpolation';
}

function literalValue(value: number | boolean | null): JsonValue {
  // Go's encoder writes an infinite number as null.
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** A literal converted to a string the way cty does: numbers in plain decimal, exactly as written. */
function literalString(expr: { value: number | boolean | null; raw: string }): string {
  const { value } = expr;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  return plainDecimal(expr.raw);
}

/** `1.50e3` → `1500`, `1e-7` → `0.0000001`, `00012` → `12`: arbitrary precision, from the source text. */
function plainDecimal(raw: string): string {
  const [mantissa = '', exponent = '0'] = raw.split(/[eE]/);
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading);
  point -= leading;
  if (digits === '') return '0';
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return out.includes('.') ? out.replace(/0+$/, '').replace(/\.$/, '') : out;
}

function escapeTemplate(value: string): string {
  if (!value.includes('{')) return value;
  // Replacer functions: in a replacement string `$$` would mean one `$`.
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
