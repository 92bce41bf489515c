// Test-only helpers: build values from plain data, call a function, and show results as plain data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TerraformReference } from '../../../../parse/kubernetes/types.js';
import { NULL, bool, list, num, object, str, unknown } from '../eval-value.js';
import type { EvalValue, ValueFacts } from '../eval-value.js';
import { FUNCTIONS, FunctionError } from './index.js';
import type { FunctionContext } from './index.js';

export function ref(address: string): TerraformReference {
  return { address, attribute: ['id'] };
}

/** An unknown value referencing `address` (like `aws_x.y.id` before apply). */
export function unk(address: string, type?: 'bool' | 'number' | 'string' | 'list' | 'object'): EvalValue {
  return unknown(`computed ${address}.id`, { references: [ref(address)], ...(type ? { type } : {}) });
}

/** Attaches a reference to a known value. */
export function refd<T extends EvalValue>(value: T, address: string): T {
  return { ...value, references: [ref(address)] };
}

type Plain = null | boolean | number | string | EvalValue | Plain[] | { [key: string]: Plain };

/** Plain data → value; arrays become tuples and objects objects; EvalValues pass through. */
export function v(data: Plain, facts: ValueFacts = {}): EvalValue {
  if (data === null) return NULL;
  if (typeof data === 'boolean') return bool(data, facts);
  if (typeof data === 'number') return num(data, facts);
  if (typeof data === 'string') return str(data, facts);
  if (Array.isArray(data)) return list(data.map((item) => v(item)), 'tuple', facts);
  if ('kind' in data && typeof data.kind === 'string') return data as EvalValue;
  return object(Object.entries(data as Record<string, Plain>).map(([key, value]) => [key, v(value)]), 'object', facts);
}

export function lst(items: Plain[], collection: 'list' | 'set' | 'tuple' = 'list'): EvalValue {
  return list(items.map((item) => v(item)), collection);
}

export function map(entries: Record<string, Plain>): EvalValue {
  return object(Object.entries(entries).map(([key, value]) => [key, v(value)]), 'map');
}

/** Value → plain data; unknowns show as `{ unknown: reason }`, sets as `{ set: [...] }`. */
export function show(value: EvalValue): unknown {
  switch (value.kind) {
    case 'null':
      return null;
    case 'unknown':
      return { unknown: value.reason };
    case 'list':
      return value.collection === 'set' ? { set: value.items.map(show) } : value.items.map(show);
    case 'object':
      return Object.fromEntries(Array.from(value.entries, ([key, entry]) => [key, show(entry)]));
    default:
      return value.value;
  }
}

export const FILES: Readonly<Record<string, string>> = {
  'policy.json': '{"Version":"2012-10-17"}\n',
  'user-data.sh.tpl': '#!/bin/sh\necho ${name}\n',
  'binary.bin': 'a\ufffdb',
};

export const context: FunctionContext = {
  readFile: (path) => FILES[path],
  // A minimal stand-in for the evaluator's template renderer: `${name}` from vars.
  renderTemplate: (text, vars) => {
    for (const value of vars.entries.values()) if (value.kind === 'unknown') return unknown('template over an unknown value', { type: 'string' });
    return str(text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = vars.entries.get(name);
      return value && value.kind === 'string' ? value.value : '';
    }));
  },
};

export function call(name: string, ...args: EvalValue[]): EvalValue {
  const fn = FUNCTIONS.get(name);
  if (fn === undefined) throw new Error(`no function ${name}`);
  return fn(args, context);
}

export interface Case {
  readonly fn: string;
  readonly args: readonly EvalValue[];
  /** Expected result as shown by `show`. */
  readonly want?: unknown;
  /** Expected FunctionError message pattern. */
  readonly error?: RegExp;
  /** Expected reference addresses of the result (top level), in order. */
  readonly refs?: readonly string[];
  readonly label?: string;
}

function describeArgs(args: readonly EvalValue[]): string {
  return args.map((arg) => JSON.stringify(show(arg))).join(', ');
}

/** One node:test per case, named after the call. */
export function runCases(cases: readonly Case[]): void {
  for (const entry of cases) {
    const title = `${entry.fn}(${describeArgs(entry.args)})${entry.label ? ` ${entry.label}` : ''}`;
    test(title.length > 160 ? `${title.slice(0, 157)}...` : title, () => {
      if (entry.error) {
        assert.throws(() => call(entry.fn, ...entry.args), (error: unknown) => error instanceof FunctionError && entry.error!.test(error.message));
        return;
      }
      const result = call(entry.fn, ...entry.args);
      assert.deepEqual(show(result), entry.want);
      if (entry.refs) assert.deepEqual((result.references ?? []).map((reference) => reference.address), entry.refs);
    });
  }
}
