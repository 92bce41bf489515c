import { num } from '../eval-value.js';
import { FunctionError, asInteger, asList, asNumber, asString, strict } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

function unary(name: string, impl: (n: number) => number): TfFunction {
  return strict(name, 1, 1, 'number', (args) => num(impl(asNumber(name, args[0]!))));
}

function extreme(name: string, pick: (...values: number[]) => number): TfFunction {
  return strict(name, 1, Infinity, 'number', (args) => num(pick(...args.map((arg, i) => asNumber(name, arg, `argument ${i + 1}`)))));
}

const log = strict('log', 2, 2, 'number', (args) => num(Math.log(asNumber('log', args[0]!)) / Math.log(asNumber('log', args[1]!, 'base'))));

const pow = strict('pow', 2, 2, 'number', (args) => num(asNumber('pow', args[0]!) ** asNumber('pow', args[1]!, 'power')));

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

// Go's strconv.ParseInt with an explicit base: optional sign, digits of that base only (no prefix).
const parseint = strict('parseint', 2, 2, 'number', (args) => {
  const text = asString('parseint', args[0]!);
  const base = asInteger('parseint', args[1]!, 'base');
  if (base < 2 || base > 62) throw new FunctionError('parseint(): base must be a whole number between 2 and 62 inclusive');
  const alphabet = base <= 36 ? DIGITS.slice(0, base) : `0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ`.slice(0, base);
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  if (body === '') throw new FunctionError(`parseint(): cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
  let value = 0n;
  for (const char of body) {
    const digit = alphabet.indexOf(base <= 36 ? char.toLowerCase() : char);
    if (digit < 0) throw new FunctionError(`parseint(): cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
    value = value * BigInt(base) + BigInt(digit);
  }
  return num(Number(negative ? -value : value));
});

const sum = strict('sum', 1, 1, 'number', (args) => {
  const value = asList('sum', args[0]!);
  if (value.items.length === 0) throw new FunctionError('sum(): cannot sum an empty list');
  return num(value.items.reduce((total, item, i) => total + asNumber('sum', item, `element ${i}`), 0));
});

export const NUMERIC_FUNCTIONS: FunctionTable = [
  ['abs', unary('abs', Math.abs)],
  ['ceil', unary('ceil', Math.ceil)],
  ['floor', unary('floor', Math.floor)],
  ['log', log],
  ['max', extreme('max', Math.max)],
  ['min', extreme('min', Math.min)],
  ['parseint', parseint],
  ['pow', pow],
  ['signum', unary('signum', (n) => (n > 0 ? 1 : n < 0 ? -1 : 0))],
  ['sum', sum],
];
