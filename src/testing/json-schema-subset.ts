// Test-only: a validator for the subset of JSON Schema that docs/report-schema.json and the SARIF 2.1.0
// schema use (we cannot add ajv). An unknown keyword throws, so a schema can never rely on a check
// this file silently skips.

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type Schema = { readonly [keyword: string]: unknown } | boolean;

/** Keywords that only document: they constrain nothing. `format` is not asserted by default in 2020-12 either. */
const ANNOTATIONS = new Set(['$schema', '$id', 'id', '$comment', 'title', 'description', 'default', 'examples', '$defs', 'definitions', 'format', 'deprecated']);
const CHECKED = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'pattern',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
]);

/** Every violation as `pointer: problem`; empty when the value is valid. */
export function validateJson(value: unknown, schema: unknown): string[] {
  const root = schema as Schema;
  const errors: string[] = [];
  check(value as JsonValue, root, root, '', errors);
  return errors;
}

function check(value: JsonValue, schema: Schema, root: Schema, pointer: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    errors.push(`${pointer || '/'}: no value is allowed here`);
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`json-schema-subset: unsupported keyword '${keyword}' at schema for ${pointer || '/'}`);
  }
  const at = pointer || '/';
  const fail = (problem: string): void => void errors.push(`${at}: ${problem}`);

  if (typeof schema.$ref === 'string') check(value, resolveRef(schema.$ref, root), root, pointer, errors);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) fail(`expected ${types.join(' | ')}, got ${typeName(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) fail(`${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && !sameJson(schema.const, value)) fail(`expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`${value} > maximum ${schema.maximum}`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);

  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.uniqueItems === true && new Set(value.map((item) => canonical(item))).size !== value.length) fail('items are not unique');
    if (schema.items !== undefined) value.forEach((item, index) => check(item, schema.items as Schema, root, `${pointer}/${index}`, errors));
  }

  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const properties = (schema.properties ?? {}) as Readonly<Record<string, Schema>>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) fail(`missing required property '${key}'`);
    for (const [key, item] of Object.entries(value)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const propertySchema = properties[key];
      if (propertySchema !== undefined) check(item, propertySchema, root, child, errors);
      else if (schema.additionalProperties !== undefined) check(item, schema.additionalProperties as Schema, root, child, errors);
    }
  }

  const branches = (keyword: 'anyOf' | 'oneOf' | 'allOf'): number[] =>
    ((schema[keyword] ?? []) as Schema[]).map((branch) => {
      const branchErrors: string[] = [];
      check(value, branch, root, pointer, branchErrors);
      return branchErrors.length;
    });
  if (schema.allOf !== undefined && branches('allOf').some((count) => count > 0)) fail('does not match every allOf branch');
  if (schema.anyOf !== undefined && !branches('anyOf').some((count) => count === 0)) fail('matches no anyOf branch');
  if (schema.oneOf !== undefined && branches('oneOf').filter((count) => count === 0).length !== 1) fail('does not match exactly one oneOf branch');
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) throw new Error(`json-schema-subset: only local $ref is supported, got '${ref}'`);
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined) throw new Error(`json-schema-subset: unresolved $ref '${ref}'`);
  return node as Schema;
}

function hasType(value: JsonValue, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function typeName(value: JsonValue): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so that equality does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
