import { NULL, bool, isWhollyKnown, list, num, object, str } from '../eval-value.js';
import type { EvalValue, ListValue, ObjectValue } from '../eval-value.js';
import { FunctionError, arity, asInteger, asList, asNumber, asObject, asString, compareStrings, derived, graphemes, referencesOf, strict, strings, taken, toSetItems, unknownOf, valuesEqual } from './shared.js';
import type { FunctionTable, TfFunction } from './shared.js';

// length needs only the shape: a known list of unknown elements still has a known length.
const length: TfFunction = (args) => {
  arity('length', args, 1);
  const value = args[0]!;
  switch (value.kind) {
    case 'unknown':
      return unknownOf('length', args, 'number');
    case 'string':
      return derived(num(graphemes(value.value).length), args);
    case 'list':
      return derived(num(value.items.length), [list([], 'tuple', value.references ? { references: value.references } : {})]);
    case 'object':
      return derived(num(value.entries.size), [list([], 'tuple', value.references ? { references: value.references } : {})]);
    default:
      throw new FunctionError(`length(): argument must be a string, collection or structural value, got ${value.kind}`);
  }
};

function listFacts(from: readonly EvalValue[]): { references?: ReturnType<typeof referencesOf> } {
  // Only the containers' own references: the elements carry theirs.
  const references = referencesOf(from.map((value) => list([], 'tuple', value.references ? { references: value.references } : {})));
  return references.length > 0 ? { references } : {};
}

// Elements keep their facts; only the top-level arguments must be known.
const concat: TfFunction = (args) => {
  if (args.some((arg) => arg.kind === 'unknown')) return unknownOf('concat', args, 'list');
  const lists = args.map((arg, i) => {
    const value = asList('concat', arg, `argument ${i + 1}`);
    if (value.collection === 'set') throw new FunctionError(`concat(): argument ${i + 1} is a set; all arguments must be lists or tuples`);
    return value;
  });
  const collection = lists.length > 0 && lists.every((value) => value.collection === 'list') ? 'list' : 'tuple';
  return list(lists.flatMap((value) => value.items.map((item) => taken(item, value))), collection, listFacts(args));
};

// A known map with unknown values merges into entries that are unknown; an unknown map hides its keys.
const merge: TfFunction = (args) => {
  if (args.some((arg) => arg.kind === 'unknown')) return unknownOf('merge', args, 'object');
  const entries = new Map<string, EvalValue>();
  let allMaps = true;
  for (const [i, arg] of args.entries()) {
    if (arg.kind === 'null') continue;
    const value = asObject('merge', arg, `argument ${i + 1}`);
    if (value.collection === 'object') allMaps = false;
    for (const [key, entry] of value.entries) {
      entries.delete(key);
      entries.set(key, taken(entry, value));
    }
  }
  return object(entries, allMaps ? 'map' : 'object', listFacts(args));
};

const lookup: TfFunction = (args) => {
  arity('lookup', args, 2, 3);
  const [container, key, fallback] = args as [EvalValue, EvalValue, EvalValue | undefined];
  if (container.kind === 'unknown' || key.kind === 'unknown') return unknownOf('lookup', args);
  const map = asObject('lookup', container, 'the first argument');
  const name = asString('lookup', key, 'key');
  const found = map.entries.get(name);
  if (found !== undefined) return taken(found, map);
  if (fallback === undefined) throw new FunctionError(`lookup(): the given key ${JSON.stringify(name)} does not exist in the map`);
  return fallback;
};

const element: TfFunction = (args) => {
  arity('element', args, 2);
  const [container, index] = args as [EvalValue, EvalValue];
  if (container.kind === 'unknown' || !isWhollyKnown(index)) return unknownOf('element', args);
  const value = asList('element', container, 'the first argument');
  const i = asInteger('element', index, 'index');
  if (value.items.length === 0) throw new FunctionError('element(): cannot use element function with an empty list');
  if (i < 0) throw new FunctionError('element(): cannot use element function with a negative index');
  return taken(value.items[i % value.items.length] as EvalValue, value);
};

// A known match decides `true` even if other elements are unknown.
const contains: TfFunction = (args) => {
  arity('contains', args, 2);
  const [container, needle] = args as [EvalValue, EvalValue];
  if (container.kind === 'unknown' || !isWhollyKnown(needle)) return unknownOf('contains', args, 'bool');
  const value = asList('contains', container, 'the first argument');
  let undecided = false;
  for (const item of value.items) {
    const same = valuesEqual(item, needle);
    if (same === true) return derived(bool(true), [item, needle, list([], 'tuple', value.references ? { references: value.references } : {})]);
    if (same === undefined) undecided = true;
  }
  return undecided ? unknownOf('contains', args, 'bool') : derived(bool(false), args);
};

const coalesce: TfFunction = (args) => {
  arity('coalesce', args, 1, Infinity);
  for (const [i, arg] of args.entries()) {
    if (arg.kind === 'unknown') return unknownOf('coalesce', args.slice(0, i + 1), arg.type, 'an unknown value before the first non-null one');
    if (arg.kind === 'null' || (arg.kind === 'string' && arg.value === '')) continue;
    return arg;
  }
  throw new FunctionError('coalesce(): no non-null, non-empty-string arguments');
};

const coalescelist: TfFunction = (args) => {
  arity('coalescelist', args, 1, Infinity);
  for (const [i, arg] of args.entries()) {
    if (arg.kind === 'unknown') return unknownOf('coalescelist', args.slice(0, i + 1), 'list', 'an unknown value before the first non-empty list');
    if (arg.kind === 'null') continue;
    if (asList('coalescelist', arg, `argument ${i + 1}`).items.length > 0) return arg;
  }
  throw new FunctionError('coalescelist(): no non-empty list arguments');
};

const compact = strict('compact', 1, 1, 'list', (args) => {
  const value = asList('compact', args[0]!);
  return list(value.items.filter((item) => item.kind !== 'null' && !(item.kind === 'string' && item.value === '')).map((item) => str(asString('compact', item))), 'list');
});

const distinct = strict('distinct', 1, 1, 'list', (args) => {
  const value = asList('distinct', args[0]!);
  const out: EvalValue[] = [];
  for (const item of value.items) if (!out.some((seen) => valuesEqual(seen, item) === true)) out.push(item);
  return list(out, 'list');
});

// Unknown elements of a known scalar or object type stay elements; an unknown that may be a list
// makes the flattened shape unknown.
const flatten: TfFunction = (args) => {
  arity('flatten', args, 1);
  const out: EvalValue[] = [];
  const visit = (value: ListValue): boolean => {
    for (const item of value.items) {
      if (item.kind === 'list') {
        if (!visit(item)) return false;
      } else if (item.kind === 'unknown' && (item.type === undefined || item.type === 'list')) return false;
      else out.push(taken(item, value));
    }
    return true;
  };
  const input = args[0]!;
  if (input.kind === 'unknown') return unknownOf('flatten', args, 'list');
  if (!visit(asList('flatten', input))) return unknownOf('flatten', args, 'list', 'a list holding an unknown list');
  return list(out, 'tuple', listFacts(args));
};

function sortedKeys(value: ObjectValue): string[] {
  return Array.from(value.entries.keys()).sort(compareStrings);
}

// Keys are known even when values are not.
const keys: TfFunction = (args) => {
  arity('keys', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('keys', args, 'list');
  const value = asObject('keys', args[0]!);
  return list(sortedKeys(value).map((key) => str(key)), value.collection === 'map' ? 'list' : 'tuple', listFacts(args));
};

const values: TfFunction = (args) => {
  arity('values', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('values', args, 'list');
  const value = asObject('values', args[0]!);
  return list(sortedKeys(value).map((key) => taken(value.entries.get(key) as EvalValue, value)), value.collection === 'map' ? 'list' : 'tuple', listFacts(args));
};

const zipmap: TfFunction = (args) => {
  arity('zipmap', args, 2);
  const [keyList, valueList] = args as [EvalValue, EvalValue];
  if (!isWhollyKnown(keyList) || valueList.kind === 'unknown') return unknownOf('zipmap', args, 'object');
  const names = strings('zipmap', asList('zipmap', keyList, 'keys'), 'key');
  const items = asList('zipmap', valueList, 'values');
  if (names.length !== items.items.length) throw new FunctionError(`zipmap(): ${names.length} keys but ${items.items.length} values`);
  return object(names.map((name, i) => [name, taken(items.items[i] as EvalValue, items)]), items.collection === 'tuple' ? 'object' : 'map', listFacts(args));
};

const slice: TfFunction = (args) => {
  arity('slice', args, 3);
  if (args[0]!.kind === 'unknown' || !isWhollyKnown(args[1]!) || !isWhollyKnown(args[2]!)) return unknownOf('slice', args, 'list');
  const value = asList('slice', args[0]!);
  const start = asInteger('slice', args[1]!, 'start index');
  const end = asInteger('slice', args[2]!, 'end index');
  if (start < 0) throw new FunctionError('slice(): start index must not be negative');
  if (end > value.items.length) throw new FunctionError('slice(): end index must not be greater than the length of the list');
  if (start > end) throw new FunctionError('slice(): start index must not be greater than end index');
  return list(value.items.slice(start, end).map((item) => taken(item, value)), value.collection === 'set' ? 'list' : value.collection, listFacts([value]));
};

const index: TfFunction = (args) => {
  arity('index', args, 2);
  const [container, needle] = args as [EvalValue, EvalValue];
  if (container.kind === 'unknown' || !isWhollyKnown(needle)) return unknownOf('index', args, 'number');
  const value = asList('index', container, 'the first argument');
  for (const [i, item] of value.items.entries()) {
    const same = valuesEqual(item, needle);
    if (same === undefined) return unknownOf('index', args, 'number');
    if (same) return derived(num(i), [needle, list([], 'tuple', value.references ? { references: value.references } : {})]);
  }
  throw new FunctionError('index(): item not found');
};

const reverse: TfFunction = (args) => {
  arity('reverse', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('reverse', args, 'list');
  const value = asList('reverse', args[0]!);
  if (value.collection === 'set') throw new FunctionError('reverse(): cannot reverse a set; its order is not meaningful');
  return list([...value.items].reverse().map((item) => taken(item, value)), value.collection, listFacts(args));
};

const sort = strict('sort', 1, 1, 'list', (args) => {
  const items = strings('sort', asList('sort', args[0]!));
  return list(items.sort(compareStrings).map((item) => str(item)), 'list');
});

const range = strict('range', 1, 3, 'list', (args) => {
  const numbers = args.map((arg, i) => asNumber('range', arg, `argument ${i + 1}`));
  const [start, limit, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? (numbers[0]! <= numbers[1]! ? 1 : -1)];
  if (step === 0) throw new FunctionError('range(): step must not be zero');
  if ((step > 0 && start > limit) || (step < 0 && start < limit)) {
    throw new FunctionError(`range(): ${step > 0 ? 'step must be negative when start is greater than limit' : 'step must be positive when start is less than limit'}`);
  }
  const out: EvalValue[] = [];
  for (let v = start; step > 0 ? v < limit : v > limit; v += step) {
    if (out.length >= 1024) throw new FunctionError('range(): more than 1024 values were generated; either decrease the difference between start and limit or use a smaller step');
    out.push(num(v));
  }
  return list(out, 'list');
});

function setArgs(name: string, args: readonly EvalValue[]): ListValue[] {
  return args.map((arg, i) => asList(name, arg, `argument ${i + 1}`));
}

const setunion = strict('setunion', 1, Infinity, 'list', (args) => list(toSetItems(setArgs('setunion', args).flatMap((value) => value.items)), 'set'));

const setintersection = strict('setintersection', 1, Infinity, 'list', (args) => {
  const [first, ...rest] = setArgs('setintersection', args);
  const items = first!.items.filter((item) => rest.every((other) => other.items.some((candidate) => valuesEqual(candidate, item) === true)));
  return list(toSetItems(items), 'set');
});

const setsubtract = strict('setsubtract', 2, 2, 'list', (args) => {
  const [a, b] = setArgs('setsubtract', args) as [ListValue, ListValue];
  return list(toSetItems(a.items.filter((item) => !b.items.some((other) => valuesEqual(other, item) === true))), 'set');
});

const setproduct = strict('setproduct', 2, Infinity, 'list', (args) => {
  const inputs = setArgs('setproduct', args);
  const asSets = inputs.map((value) => (value.collection === 'set' ? toSetItems(value.items) : value.items));
  let product: EvalValue[][] = [[]];
  for (const items of asSets) product = product.flatMap((prefix) => items.map((item) => [...prefix, item]));
  const allLists = inputs.every((value) => value.collection !== 'set');
  return list(product.map((row) => list(row, 'tuple')), allLists ? 'list' : 'set');
});

const chunklist: TfFunction = (args) => {
  arity('chunklist', args, 2);
  if (args[0]!.kind === 'unknown' || !isWhollyKnown(args[1]!)) return unknownOf('chunklist', args, 'list');
  const value = asList('chunklist', args[0]!);
  const size = asInteger('chunklist', args[1]!, 'size');
  if (size < 0) throw new FunctionError('chunklist(): the size argument must be positive');
  const items = value.items.map((item) => taken(item, value));
  if (size === 0) return list([list(items, 'list')], 'list', listFacts(args));
  const chunks: EvalValue[] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(list(items.slice(i, i + size), 'list'));
  return list(chunks, 'list', listFacts(args));
};

const transpose = strict('transpose', 1, 1, 'object', (args) => {
  const input = asObject('transpose', args[0]!);
  const out = new Map<string, string[]>();
  for (const key of sortedKeys(input)) {
    for (const value of strings('transpose', asList('transpose', input.entries.get(key) as EvalValue, `value of ${JSON.stringify(key)}`))) {
      const bucket = out.get(value) ?? [];
      bucket.push(key);
      out.set(value, bucket);
    }
  }
  return object(Array.from(out.keys()).sort(compareStrings).map((key) => [key, list((out.get(key) ?? []).map((item) => str(item)), 'list')]), 'map');
});

const matchkeys = strict('matchkeys', 3, 3, 'list', (args) => {
  const [valueList, keyList, searchset] = setArgs('matchkeys', args) as [ListValue, ListValue, ListValue];
  if (valueList.items.length !== keyList.items.length) throw new FunctionError('matchkeys(): length of keys and values should be equal');
  const out = valueList.items.filter((_, i) => searchset.items.some((candidate) => valuesEqual(candidate, keyList.items[i] as EvalValue) === true));
  return list(out, 'list');
});

const one: TfFunction = (args) => {
  arity('one', args, 1);
  if (args[0]!.kind === 'unknown') return unknownOf('one', args);
  if (args[0]!.kind === 'null') return NULL;
  const value = asList('one', args[0]!);
  if (value.items.length > 1) throw new FunctionError(`one(): must be a list, set, or tuple value with either zero or one elements, got ${value.items.length}`);
  return value.items.length === 0 ? NULL : taken(value.items[0] as EvalValue, value);
};

function truthTable(name: string, decisive: boolean): TfFunction {
  return (args) => {
    arity(name, args, 1);
    if (args[0]!.kind === 'unknown') return unknownOf(name, args, 'bool');
    const value = asList(name, args[0]!);
    let undecided = false;
    for (const item of value.items) {
      if (item.kind === 'unknown') {
        undecided = true;
        continue;
      }
      if (item.kind === 'null') throw new FunctionError(`${name}(): elements must not be null`);
      const truth = item.kind === 'bool' ? item.value : item.kind === 'string' && (item.value === 'true' || item.value === 'false') ? item.value === 'true' : undefined;
      if (truth === undefined) throw new FunctionError(`${name}(): elements must be bools`);
      if (truth === decisive) return derived(bool(decisive), [item, list([], 'tuple', value.references ? { references: value.references } : {})]);
    }
    return undecided ? unknownOf(name, args, 'bool') : derived(bool(!decisive), args);
  };
}

export const COLLECTION_FUNCTIONS: FunctionTable = [
  ['alltrue', truthTable('alltrue', false)],
  ['anytrue', truthTable('anytrue', true)],
  ['chunklist', chunklist],
  ['coalesce', coalesce],
  ['coalescelist', coalescelist],
  ['compact', compact],
  ['concat', concat],
  ['contains', contains],
  ['distinct', distinct],
  ['element', element],
  ['flatten', flatten],
  ['index', index],
  ['keys', keys],
  ['length', length],
  ['lookup', lookup],
  ['matchkeys', matchkeys],
  ['merge', merge],
  ['one', one],
  ['range', range],
  ['reverse', reverse],
  ['setintersection', setintersection],
  ['setproduct', setproduct],
  ['setsubtract', setsubtract],
  ['setunion', setunion],
  ['slice', slice],
  ['sort', sort],
  ['transpose', transpose],
  ['values', values],
  ['zipmap', zipmap],
];
