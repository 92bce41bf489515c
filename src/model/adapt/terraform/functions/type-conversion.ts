import { NULL, bool, isWhollyKnown, list, num, object, str } from '../eval-value.js';
import type { EvalValue } from '../eval-value.js';
import { FunctionError, arity, asBool, asList, asNumber, asObject, asString, toSetItems, unknownOf } from './shared.js';
import type { FunctionTable, TfFunction, UnknownType } from './shared.js';

// Conversions pass null through and keep the value's own facts (they are the same value, retyped).
function conversion(name: string, type: UnknownType, convert: (value: EvalValue) => EvalValue): TfFunction {
  return (args) => {
    arity(name, args, 1);
    const value = args[0]!;
    if (value.kind === 'unknown') return unknownOf(name, args, type);
    if (value.kind === 'null') return NULL;
    const converted = convert(value);
    const { origin, setBy, references } = value;
    return { ...converted, ...(origin ? { origin } : {}), ...(setBy ? { setBy } : {}), ...(references ? { references } : {}) };
  };
}

function scalarOnly(name: string, value: EvalValue): void {
  if (value.kind === 'list' || value.kind === 'object') throw new FunctionError(`${name}(): cannot convert a ${value.collection} to a primitive value`);
}

// A set with unknown elements has an unknown size (they may turn out equal), so it is unknown as a whole.
const convertToSet = conversion('toset', 'list', (known) => list(toSetItems(asList('toset', known).items), 'set'));
const toset: TfFunction = (args, context) => {
  arity('toset', args, 1);
  const value = args[0]!;
  if (value.kind === 'list' && !value.items.every(isWhollyKnown)) return unknownOf('toset', args, 'list', 'a list with unknown elements');
  return convertToSet(args, context);
};

export const TYPE_CONVERSION_FUNCTIONS: FunctionTable = [
  ['tobool', conversion('tobool', 'bool', (value) => (scalarOnly('tobool', value), bool(asBool('tobool', value))))],
  ['tolist', conversion('tolist', 'list', (value) => list(asList('tolist', value).items, 'list'))],
  ['tomap', conversion('tomap', 'object', (value) => object(asObject('tomap', value).entries, 'map'))],
  ['tonumber', conversion('tonumber', 'number', (value) => (scalarOnly('tonumber', value), num(asNumber('tonumber', value))))],
  ['toset', toset],
  ['tostring', conversion('tostring', 'string', (value) => (scalarOnly('tostring', value), str(asString('tostring', value))))],
];
