// The values the Terraform evaluator computes with (cty's value model, reduced to what static
// analysis needs). Lowered into located documents (src/model/terraform.ts) at the end.
import type { TerraformReference, ValueSource } from '../../../parse/kubernetes/types.js';
import type { SourceFile } from '../../../source/source-file.js';
import type { TextSpan } from '../../../parse/terraform/ast.js';

/** The expression a value was written as: its file and offsets. */
export interface ValueOrigin {
  readonly file: SourceFile;
  readonly span: TextSpan;
}

/** What every value may carry besides its content. */
export interface ValueFacts {
  /** The expression that produced it, when it was written somewhere (not for function results). */
  readonly origin?: ValueOrigin;
  /** Variable defaults, tfvars lines, locals that decided it (outermost last). */
  readonly setBy?: readonly ValueSource[];
  /** Resources / data sources / module outputs it was computed from. */
  readonly references?: readonly TerraformReference[];
  /**
   * What `jsonencode()` was given (an object or a list): a policy written as `jsonencode({...})` is read
   * from this structure, each statement at its own line, and also when part of it (a computed ARN) makes
   * the text unknown until apply.
   */
  readonly encodes?: EvalValue;
}

export type EvalValue = NullValue | BoolValue | NumberValue | StringValue | ListValue | ObjectValue | UnknownValue;

export interface NullValue extends ValueFacts {
  readonly kind: 'null';
}

export interface BoolValue extends ValueFacts {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface NumberValue extends ValueFacts {
  readonly kind: 'number';
  readonly value: number;
}

export interface StringValue extends ValueFacts {
  readonly kind: 'string';
  readonly value: string;
}

/** Tuples, lists and sets (`collection` says which: `toset` de-duplicates and orders like Terraform). */
export interface ListValue extends ValueFacts {
  readonly kind: 'list';
  readonly collection: 'tuple' | 'list' | 'set';
  readonly items: readonly EvalValue[];
}

/** Objects and maps; entries keep insertion order, as cty does for printing but not for equality. */
export interface ObjectValue extends ValueFacts {
  readonly kind: 'object';
  readonly collection: 'object' | 'map';
  readonly entries: ReadonlyMap<string, EvalValue>;
}

/**
 * Not known before apply (a computed attribute, an input without value, a function over an unknown).
 * `type` is what is known of it, when known: an unknown string still is a string.
 */
export interface UnknownValue extends ValueFacts {
  readonly kind: 'unknown';
  readonly type?: 'bool' | 'number' | 'string' | 'list' | 'object';
  /** Why it is unknown, for strict mode (IG-PARSE-004): `computed aws_kms_key.k.arn`, `var.x has no value`. */
  readonly reason: string;
}

export const NULL: NullValue = { kind: 'null' };

export function str(value: string, facts: ValueFacts = {}): StringValue {
  return { kind: 'string', value, ...facts };
}

export function num(value: number, facts: ValueFacts = {}): NumberValue {
  return { kind: 'number', value, ...facts };
}

export function bool(value: boolean, facts: ValueFacts = {}): BoolValue {
  return { kind: 'bool', value, ...facts };
}

export function list(items: readonly EvalValue[], collection: ListValue['collection'] = 'tuple', facts: ValueFacts = {}): ListValue {
  return { kind: 'list', collection, items, ...facts };
}

export function object(entries: ReadonlyMap<string, EvalValue> | Iterable<[string, EvalValue]>, collection: ObjectValue['collection'] = 'object', facts: ValueFacts = {}): ObjectValue {
  return { kind: 'object', collection, entries: entries instanceof Map ? entries : new Map(entries), ...facts };
}

export function unknown(reason: string, facts: ValueFacts & { type?: UnknownValue['type']; encodes?: EvalValue } = {}): UnknownValue {
  return { kind: 'unknown', reason, ...facts };
}

/** Whether the value or anything inside it is unknown. */
export function isWhollyKnown(value: EvalValue): boolean {
  switch (value.kind) {
    case 'unknown':
      return false;
    case 'list':
      return value.items.every(isWhollyKnown);
    case 'object':
      for (const entry of value.entries.values()) if (!isWhollyKnown(entry)) return false;
      return true;
    default:
      return true;
  }
}

/** The references of a value and of everything inside it, de-duplicated, in first-seen order. */
export function referencesWithin(value: EvalValue): TerraformReference[] {
  const seen = new Set<string>();
  const out: TerraformReference[] = [];
  const visit = (current: EvalValue): void => {
    for (const reference of current.references ?? []) {
      const key = `${reference.address}|${String(reference.key)}|${reference.attribute.join('.')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(reference);
    }
    if (current.kind === 'list') current.items.forEach(visit);
    else if (current.kind === 'object') for (const entry of current.entries.values()) visit(entry);
  };
  visit(value);
  return out;
}
