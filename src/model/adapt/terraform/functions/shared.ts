// Plumbing shared by every function family: the function contract, argument checks, unknown
// propagation and the few value algorithms (equality, number printing, ordering) Terraform defines.
import type { TerraformReference } from '../../../../parse/kubernetes/types.js';
import { NULL, bool, isWhollyKnown, list, num, referencesWithin, str, unknown } from '../eval-value.js';
import type { EvalValue, ListValue, ObjectValue, UnknownValue } from '../eval-value.js';

export interface FunctionContext {
  /** Relative to the module directory, confined to the scan root; undefined when outside or missing. */
  readFile(path: string): string | undefined;
  /** Evaluates a template string with variables (templatefile); provided by the evaluator. */
  renderTemplate(text: string, vars: ObjectValue): EvalValue;
}

export type TfFunction = (args: readonly EvalValue[], context: FunctionContext) => EvalValue;

/** Bad arguments: the evaluator turns it into an unknown value. */
export class FunctionError extends Error {
  override name = 'FunctionError';
}

export type UnknownType = UnknownValue['type'];

/** Union of the references of all values (and everything inside them), de-duplicated. */
export function referencesOf(values: readonly EvalValue[]): TerraformReference[] {
  return referencesWithin(list(values));
}

function refsFacts(references: readonly TerraformReference[]): { references?: readonly TerraformReference[] } {
  return references.length > 0 ? { references } : {};
}

/** The unknown result of `name()` over `args`, carrying what it was computed from. */
export function unknownOf(name: string, args: readonly EvalValue[], type?: UnknownType, why = 'an unknown value'): UnknownValue {
  return unknown(`${name}() of ${why}`, { ...refsFacts(referencesOf(args)), ...(type ? { type } : {}) });
}

/** A freshly computed value (no origin of its own) that records which inputs it came from. */
export function derived<T extends EvalValue>(value: T, from: readonly EvalValue[]): T {
  const references = referencesOf(from);
  if (references.length === 0) return value;
  return { ...value, references };
}

/** An element taken out of a container: keeps its own facts and gains the container's references. */
export function taken(element: EvalValue, container: EvalValue): EvalValue {
  const outer = container.references ?? [];
  if (outer.length === 0) return element;
  const merged = referencesWithin(list([], 'tuple', { references: [...(element.references ?? []), ...outer] }));
  return { ...element, references: merged };
}

export function arity(name: string, args: readonly EvalValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new FunctionError(`${name}() takes ${expected} argument(s), got ${args.length}`);
  }
}

/**
 * The usual shape: all arguments must be wholly known, otherwise the result is unknown (with the
 * given type); a known result records the references of every argument.
 */
export function strict(name: string, min: number, max: number, type: UnknownType, impl: (args: readonly EvalValue[], context: FunctionContext) => EvalValue): TfFunction {
  return (args, context) => {
    arity(name, args, min, max);
    if (!args.every(isWhollyKnown)) return unknownOf(name, args, type);
    return derived(impl(args, context), args);
  };
}

function describe(value: EvalValue): string {
  return value.kind === 'list' ? value.collection : value.kind === 'object' ? value.collection : value.kind;
}

/** cty's conversion to string (numbers and bools convert, null and collections do not). */
export function toStringValue(value: EvalValue): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
      return formatNumber(value.value);
    case 'bool':
      return value.value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** Terraform converts numbers and bools to strings where a string is expected. */
export function asString(name: string, value: EvalValue, what = 'argument'): string {
  const text = toStringValue(value);
  if (text !== undefined) return text;
  if (value.kind === 'null') throw new FunctionError(`${name}(): ${what} must not be null`);
  throw new FunctionError(`${name}(): ${what} must be a string, got ${describe(value)}`);
}

export function asNumber(name: string, value: EvalValue, what = 'argument'): number {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string') {
    const parsed = parseNumber(value.value);
    if (parsed !== undefined) return parsed;
    throw new FunctionError(`${name}(): ${what} must be a number, got string "${value.value}"`);
  }
  if (value.kind === 'null') throw new FunctionError(`${name}(): ${what} must not be null`);
  throw new FunctionError(`${name}(): ${what} must be a number, got ${describe(value)}`);
}

export function asInteger(name: string, value: EvalValue, what = 'argument'): number {
  const n = asNumber(name, value, what);
  if (!Number.isInteger(n)) throw new FunctionError(`${name}(): ${what} must be a whole number, got ${formatNumber(n)}`);
  return n;
}

export function asBool(name: string, value: EvalValue, what = 'argument'): boolean {
  if (value.kind === 'bool') return value.value;
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  if (value.kind === 'null') throw new FunctionError(`${name}(): ${what} must not be null`);
  throw new FunctionError(`${name}(): ${what} must be a bool, got ${describe(value)}`);
}

export function asList(name: string, value: EvalValue, what = 'argument'): ListValue {
  if (value.kind === 'list') return value;
  if (value.kind === 'null') throw new FunctionError(`${name}(): ${what} must not be null`);
  throw new FunctionError(`${name}(): ${what} must be a list, set or tuple, got ${describe(value)}`);
}

export function asObject(name: string, value: EvalValue, what = 'argument'): ObjectValue {
  if (value.kind === 'object') return value;
  if (value.kind === 'null') throw new FunctionError(`${name}(): ${what} must not be null`);
  throw new FunctionError(`${name}(): ${what} must be a map or object, got ${describe(value)}`);
}

export function strings(name: string, value: ListValue, what = 'element'): string[] {
  return value.items.map((item, i) => asString(name, item, `${what} ${i}`));
}

/** Terraform's number syntax for string → number conversion (decimal, optional exponent, no hex). */
export function parseNumber(text: string): number | undefined {
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Terraform prints numbers in plain decimal notation, never with an exponent: 1e+21 → 1000000000000000000000. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    const whole = digits.padEnd(exponent + 1, '0');
    const rest = whole.slice(exponent + 1);
    return sign + whole.slice(0, exponent + 1) + (rest ? `.${rest}` : '');
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/**
 * cty equality: same kind and equal content; `undefined` when unknowns decide it. Tuples, lists and
 * sets compare by items, objects and maps by entries.
 */
export function valuesEqual(a: EvalValue, b: EvalValue): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'null':
      return true;
    case 'bool':
    case 'number':
    case 'string':
      return a.value === (b as typeof a).value;
    case 'list': {
      const other = b as ListValue;
      if (a.items.length !== other.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const same = valuesEqual(a.items[i] as EvalValue, other.items[i] as EvalValue);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const other = b as ObjectValue;
      if (a.entries.size !== other.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [key, value] of a.entries) {
        const counterpart = other.entries.get(key);
        if (counterpart === undefined) return false;
        const same = valuesEqual(value, counterpart);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Go compares strings bytewise in UTF-8, which is code point order (JS `<` is UTF-16 unit order). */
export function compareStrings(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = (left[i] as string).codePointAt(0)! - (right[i] as string).codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** De-duplicates and orders like a cty set: strings lexically, numbers numerically, others first-seen. */
export function toSetItems(items: readonly EvalValue[]): EvalValue[] {
  const out: EvalValue[] = [];
  for (const item of items) if (!out.some((seen) => valuesEqual(seen, item) === true)) out.push(item);
  if (out.every((item) => item.kind === 'string')) {
    out.sort((a, b) => compareStrings((a as { value: string }).value, (b as { value: string }).value));
  } else if (out.every((item) => item.kind === 'number')) {
    out.sort((a, b) => (a as { value: number }).value - (b as { value: number }).value);
  }
  return out;
}

/** Unicode grapheme clusters, which Terraform counts for length(), substr() and strrev(). */
export function graphemes(text: string): string[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** Plain JS data (from JSON or YAML) → EvalValue: arrays become tuples, objects become objects. */
export function fromPlain(name: string, data: unknown): EvalValue {
  if (data === null || data === undefined) return NULL;
  if (typeof data === 'boolean') return bool(data);
  if (typeof data === 'number') return num(data);
  if (typeof data === 'string') return str(data);
  if (Array.isArray(data)) return list(data.map((item: unknown) => fromPlain(name, item)), 'tuple');
  if (data instanceof Date) return str(data.toISOString());
  if (data instanceof Map) {
    return {
      kind: 'object',
      collection: 'object',
      entries: new Map(Array.from(data.entries(), ([key, value]: [unknown, unknown]) => [String(key), fromPlain(name, value)])),
    };
  }
  if (typeof data === 'object') {
    return { kind: 'object', collection: 'object', entries: new Map(Object.entries(data).map(([key, value]) => [key, fromPlain(name, value)])) };
  }
  throw new FunctionError(`${name}(): cannot represent a value of type ${typeof data}`);
}

export type FunctionTable = ReadonlyArray<readonly [string, TfFunction]>;
