// Evaluation of HCL expressions into EvalValues, with Terraform's semantics reduced to static
// analysis: unknown values propagate (keeping their references), nothing is executed.
import type { Expression, TemplatePart, TraversalStep, TraversalExpr, TextSpan } from '../../../parse/terraform/ast.js';
import { isUnwrappedTemplate } from '../../../parse/terraform/ast.js';
import type { TerraformReference, ValueSource } from '../../../parse/kubernetes/types.js';
import type { SourceFile } from '../../../source/source-file.js';
import { bool, list, num, object, referencesWithin, str, unknown } from './eval-value.js';
import type { EvalValue, ObjectValue, UnknownValue, ValueFacts } from './eval-value.js';
import { FUNCTIONS, FunctionError } from './functions/index.js';
import type { FunctionContext } from './functions/index.js';
import { toStringValue, valuesEqual } from './functions/shared.js';

/** What a module provides to the expressions written in it: the named roots (`var`, `aws_s3_bucket`, …). */
export interface RootResolver {
  /**
   * Resolves a traversal's root and as many leading steps as it needs (`var.x` consumes one,
   * `data.t.n` two); returns undefined for an undeclared root.
   */
  resolve(expr: TraversalExpr, scope: Scope): { value: EvalValue; consumed: number } | undefined;
  readonly functions: FunctionContext;
}

/** The innermost bindings: for-expression and iterator variables, count/each, the splat element. */
export interface Scope {
  readonly resolver: RootResolver;
  readonly file: SourceFile;
  readonly bindings?: ReadonlyMap<string, EvalValue>;
  readonly splatItem?: EvalValue;
}

/** Metadata of objects standing for a resource instance: a missing attribute is computed at apply. */
export interface ResourceObjectInfo {
  readonly address: string;
  readonly key?: string | number;
  /** Path of a nested block object inside the resource: `['identity', 0]`; empty for the resource itself. */
  readonly path: readonly (string | number)[];
}

export const RESOURCE_OBJECTS = new WeakMap<ObjectValue, ResourceObjectInfo>();

/** Where each element of an object or tuple expression is written (key and value), for the spans of the lowered document. */
export interface ElementSpans {
  readonly key?: TextSpan;
  readonly value: TextSpan;
}
export const ELEMENT_SPANS = new WeakMap<EvalValue, ReadonlyMap<string | number, ElementSpans>>();

export function withBindings(scope: Scope, bindings: ReadonlyMap<string, EvalValue>): Scope {
  const merged = new Map(scope.bindings ?? []);
  for (const [name, value] of bindings) merged.set(name, value);
  return { ...scope, bindings: merged };
}

function refsOf(values: readonly EvalValue[]): ValueFacts {
  const references = referencesWithin(list(values));
  return references.length > 0 ? { references } : {};
}

/** Facts of a value computed from others: their references, and the sources (tfvars lines, locals) that set them. */
function derivedFacts(values: readonly EvalValue[]): ValueFacts {
  const setBy: ValueSource[] = [];
  for (const value of values) for (const source of value.setBy ?? []) if (!setBy.includes(source)) setBy.push(source);
  return setBy.length > 0 ? { ...refsOf(values), setBy } : refsOf(values);
}

/** Shallow references only: those a value carries itself, plus more. */
function addReferences(value: EvalValue, more: readonly TerraformReference[] | undefined): EvalValue {
  if (!more || more.length === 0) return value;
  const merged = referencesWithin(list([], 'tuple', { references: [...(value.references ?? []), ...more] }));
  const copy = { ...value, references: merged };
  // A copy of a resource (or nested block) object still stands for it.
  const info = value.kind === 'object' ? RESOURCE_OBJECTS.get(value) : undefined;
  if (info) RESOURCE_OBJECTS.set(copy as ObjectValue, info);
  return copy;
}

// Passing an evaluation error through keeps it one (so that try / can see it).
function unknownFrom(reason: string, from: readonly EvalValue[], type?: UnknownValue['type']): UnknownValue {
  const result = unknown(reason, { ...refsOf(from), ...(type ? { type } : {}) });
  if (from.some((value) => value.kind === 'unknown' && ERRORS.has(value) && value.reason === reason)) ERRORS.add(result);
  return result;
}

/** An evaluation error (a missing attribute, a type mismatch): unknown, and what try / can catch. */
export function failure(reason: string, from: readonly EvalValue[] = [], type?: UnknownValue['type']): UnknownValue {
  return markError(unknownFrom(reason, from, type));
}

function firstUnknown(values: readonly EvalValue[]): UnknownValue | undefined {
  for (const value of values) if (value.kind === 'unknown') return value;
  return undefined;
}

export { toStringValue };

export function toNumberValue(value: EvalValue): number | undefined {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string') {
    const text = value.value.trim();
    if (text !== value.value || !/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
    return Number(text);
  }
  return undefined;
}

export function toBoolValue(value: EvalValue): boolean | undefined {
  if (value.kind === 'bool') return value.value;
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  return undefined;
}

function origin(scope: Scope, span: TextSpan): ValueFacts {
  return { origin: { file: scope.file, span } };
}

/** Evaluates one expression; never throws on user input. */
export function evaluate(expr: Expression, scope: Scope): EvalValue {
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return { kind: 'null', ...origin(scope, expr.span) };
      if (typeof expr.value === 'boolean') return bool(expr.value, origin(scope, expr.span));
      return num(expr.value, origin(scope, expr.span));
    case 'template':
      return evaluateTemplate(expr.parts, scope, expr.span, isUnwrappedTemplate(expr));
    case 'parens':
      return evaluate(expr.expr, scope);
    case 'tuple': {
      const result = list(
        expr.elements.map((element) => evaluate(element, scope)),
        'tuple',
        origin(scope, expr.span),
      );
      ELEMENT_SPANS.set(result, new Map(expr.elements.map((element, i) => [i, { value: element.span }])));
      return result;
    }
    case 'object':
      return evaluateObject(expr, scope);
    case 'functionCall':
      return callFunction(expr, scope);
    case 'traversal':
      return evaluateTraversal(expr, scope);
    case 'getAttr':
      return getAttr(evaluate(expr.object, scope), expr.name);
    case 'index':
      return index(evaluate(expr.collection, scope), evaluate(expr.key, scope));
    case 'splat':
      return evaluateSplat(expr, scope);
    case 'splatItem':
      return scope.splatItem ?? failure('splat element outside a splat');
    case 'for':
      return evaluateFor(expr, scope);
    case 'conditional':
      return evaluateConditional(expr, scope);
    case 'binary':
      return withOrigin(evaluateBinary(expr.operator, expr.left, expr.right, scope), scope, expr.span);
    case 'unary': {
      const operand = evaluate(expr.operand, scope);
      if (operand.kind === 'unknown') return unknownFrom(operand.reason, [operand], expr.operator === '!' ? 'bool' : 'number');
      if (expr.operator === '!') {
        const b = toBoolValue(operand);
        if (b === undefined) return failure(`! needs a bool, got ${operand.kind}`, [operand], 'bool');
        return bool(!b, { ...origin(scope, expr.span), ...derivedFacts([operand]) });
      }
      const n = toNumberValue(operand);
      if (n === undefined) return failure(`- needs a number, got ${operand.kind}`, [operand], 'number');
      return num(-n, { ...origin(scope, expr.span), ...derivedFacts([operand]) });
    }
  }
}

function withOrigin(value: EvalValue, scope: Scope, span: TextSpan): EvalValue {
  return value.kind === 'unknown' ? value : { ...value, origin: { file: scope.file, span } };
}

function evaluateObject(expr: Extract<Expression, { kind: 'object' }>, scope: Scope): EvalValue {
  const entries = new Map<string, EvalValue>();
  const keySpans = new Map<string, ElementSpans>();
  const keyUnknowns: EvalValue[] = [];
  for (const item of expr.items) {
    let key: string;
    if (item.nameKey !== undefined) key = item.nameKey;
    else {
      const keyValue = evaluate(item.key, scope);
      const text = toStringValue(keyValue);
      if (text === undefined) {
        // An unknown key makes the whole object's shape unknown.
        keyUnknowns.push(keyValue);
        continue;
      }
      key = text;
    }
    entries.delete(key);
    entries.set(key, evaluate(item.value, scope));
    keySpans.set(key, { key: item.key.span, value: item.value.span });
  }
  if (keyUnknowns.length > 0) return unknownFrom('object key not known', [...keyUnknowns, ...entries.values()], 'object');
  const result = object(entries, 'object', origin(scope, expr.span));
  ELEMENT_SPANS.set(result, keySpans);
  return result;
}

function evaluateTemplate(parts: readonly TemplatePart[], scope: Scope, span: TextSpan, unwrapped: boolean): EvalValue {
  if (unwrapped) {
    const only = parts[0];
    if (only && only.kind === 'interpolation') {
      const value = evaluate(only.expr, scope);
      // "${x}" is x itself; its origin is the whole template, where it was written.
      return value.kind === 'unknown' ? value : { ...value, origin: { file: scope.file, span } };
    }
  }
  const pieces: EvalValue[] = [];
  const result = renderParts(parts, scope, pieces);
  if (typeof result === 'string') return str(result, { ...origin(scope, span), ...derivedFacts(pieces) });
  return result;
}

/** Renders template parts to text, or to the unknown that stops it; `seen` collects every interpolated value. */
function renderParts(parts: readonly TemplatePart[], scope: Scope, seen: EvalValue[]): string | UnknownValue {
  let out = '';
  let pending: UnknownValue | undefined;
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.value;
        break;
      case 'interpolation': {
        const value = evaluate(part.expr, scope);
        seen.push(value);
        if (value.kind === 'unknown') {
          pending ??= value;
          break;
        }
        const text = toStringValue(value);
        if (text === undefined) pending ??= failure(`cannot interpolate a ${value.kind} into a string`);
        else out += text;
        break;
      }
      case 'if': {
        const condition = evaluate(part.condition, scope);
        seen.push(condition);
        const b = toBoolValue(condition);
        if (b === undefined) {
          pending ??= condition.kind === 'unknown' ? condition : failure('template if condition is not a bool');
          break;
        }
        const inner = renderParts(b ? part.then : part.else, scope, seen);
        if (typeof inner === 'string') out += inner;
        else pending ??= inner;
        break;
      }
      case 'for': {
        const collection = evaluate(part.collection, scope);
        seen.push(collection);
        const pairs = iterate(collection);
        if (!pairs) {
          pending ??= collection.kind === 'unknown' ? collection : failure(`cannot iterate over a ${collection.kind}`);
          break;
        }
        for (const [key, value] of pairs) {
          const bindings = new Map<string, EvalValue>([[part.valueVar.name, value]]);
          if (part.keyVar) bindings.set(part.keyVar.name, key);
          const inner = renderParts(part.body, withBindings(scope, bindings), seen);
          if (typeof inner === 'string') out += inner;
          else pending ??= inner;
        }
        break;
      }
    }
  }
  if (pending) {
    const result = unknownFrom(pending.reason, seen, 'string');
    if (ERRORS.has(pending)) ERRORS.add(result);
    return result;
  }
  return out;
}

/** Key/value pairs of a collection, as `for` sees them; undefined when it cannot be iterated. */
export function iterate(collection: EvalValue): [EvalValue, EvalValue][] | undefined {
  if (collection.kind === 'list') {
    return collection.items.map((item, i) => [collection.collection === 'set' ? item : num(i), takenFrom(item, collection)]);
  }
  if (collection.kind === 'object') {
    const keys = [...collection.entries.keys()].sort();
    return keys.map((key) => [str(key), takenFrom(collection.entries.get(key) as EvalValue, collection)]);
  }
  return undefined;
}

function takenFrom(element: EvalValue, container: EvalValue): EvalValue {
  return addReferences(element, container.references);
}

function evaluateFor(expr: Extract<Expression, { kind: 'for' }>, scope: Scope): EvalValue {
  const collection = evaluate(expr.collection, scope);
  if (collection.kind === 'unknown') return unknownFrom(collection.reason, [collection], expr.form === 'tuple' ? 'list' : 'object');
  const pairs = iterate(collection);
  if (!pairs) return failure(`for expression over a ${collection.kind}`, [collection]);
  const items: EvalValue[] = [];
  const entries = new Map<string, EvalValue>();
  const groups = new Map<string, EvalValue[]>();
  for (const [key, value] of pairs) {
    const bindings = new Map<string, EvalValue>([[expr.valueVar.name, value]]);
    if (expr.keyVar) bindings.set(expr.keyVar.name, key);
    const inner = withBindings(scope, bindings);
    if (expr.condition) {
      const condition = evaluate(expr.condition, inner);
      const b = toBoolValue(condition);
      if (b === undefined) return unknownFrom(condition.kind === 'unknown' ? condition.reason : 'for condition is not a bool', [condition, collection], expr.form === 'tuple' ? 'list' : 'object');
      if (!b) continue;
    }
    const element = evaluate(expr.value, inner);
    if (expr.form === 'tuple') {
      items.push(element);
      continue;
    }
    const keyValue = evaluate(expr.key as Expression, inner);
    const keyText = toStringValue(keyValue);
    if (keyText === undefined) return unknownFrom(keyValue.kind === 'unknown' ? keyValue.reason : 'for key is not a string', [keyValue, collection], 'object');
    if (expr.grouping) {
      const group = groups.get(keyText);
      if (group) group.push(element);
      else groups.set(keyText, [element]);
    } else {
      // Terraform rejects a duplicate key without `...`; the last one is the best guess.
      entries.set(keyText, element);
    }
  }
  // The elements carry their own references; the result keeps those of the collection itself.
  const facts = { ...origin(scope, expr.span), ...(collection.references ? { references: collection.references } : {}) };
  if (expr.form === 'tuple') return list(items, 'tuple', facts);
  if (expr.grouping) for (const [key, group] of groups) entries.set(key, list(group, 'tuple'));
  return object(entries, 'object', facts);
}

function evaluateConditional(expr: Extract<Expression, { kind: 'conditional' }>, scope: Scope): EvalValue {
  const condition = evaluate(expr.condition, scope);
  const b = toBoolValue(condition);
  if (b !== undefined) {
    const chosen = addReferences(evaluate(b ? expr.then : expr.else, scope), condition.references);
    // The condition decided the value: a tfvars line behind it is where to change it.
    if (!condition.setBy || condition.setBy.length === 0) return chosen;
    return { ...chosen, setBy: [...(chosen.setBy ?? []), ...condition.setBy] };
  }
  const thenValue = evaluate(expr.then, scope);
  const elseValue = evaluate(expr.else, scope);
  if (condition.kind === 'unknown' && valuesEqual(thenValue, elseValue) === true) return addReferences(thenValue, condition.references);
  const reason = condition.kind === 'unknown' ? condition.reason : `condition is a ${condition.kind}, not a bool`;
  return unknownFrom(reason, [condition, thenValue, elseValue], sameType(thenValue, elseValue));
}

function sameType(a: EvalValue, b: EvalValue): UnknownValue['type'] {
  const ta = a.kind === 'unknown' ? a.type : a.kind === 'null' ? undefined : a.kind;
  const tb = b.kind === 'unknown' ? b.type : b.kind === 'null' ? undefined : b.kind;
  return ta !== undefined && ta === tb ? ta : undefined;
}

function evaluateBinary(operator: string, leftExpr: Expression, rightExpr: Expression, scope: Scope): EvalValue {
  const left = evaluate(leftExpr, scope);
  if (operator === '&&' || operator === '||') {
    const lb = toBoolValue(left);
    // Three-valued logic: `false && x` and `true || x` are decided by the left side alone.
    if (operator === '&&' && lb === false) return bool(false, derivedFacts([left]));
    if (operator === '||' && lb === true) return bool(true, derivedFacts([left]));
    const right = evaluate(rightExpr, scope);
    const rb = toBoolValue(right);
    if (operator === '&&' && rb === false) return bool(false, derivedFacts([left, right]));
    if (operator === '||' && rb === true) return bool(true, derivedFacts([left, right]));
    if (lb === undefined || rb === undefined) {
      const u = firstUnknown([left, right]);
      return unknownFrom(u ? u.reason : `${operator} needs bools`, [left, right], 'bool');
    }
    return bool(operator === '&&' ? lb && rb : lb || rb, derivedFacts([left, right]));
  }
  const right = evaluate(rightExpr, scope);
  const facts = derivedFacts([left, right]);
  if (operator === '==' || operator === '!=') {
    const same = valuesEqual(left, right);
    if (same === undefined) return unknownFrom((firstUnknown([left, right]) as UnknownValue | undefined)?.reason ?? 'comparison of unknown values', [left, right], 'bool');
    return bool(operator === '==' ? same : !same, facts);
  }
  const u = firstUnknown([left, right]);
  const resultType = operator === '<' || operator === '>' || operator === '<=' || operator === '>=' ? 'bool' : 'number';
  if (u) return unknownFrom(u.reason, [left, right], resultType);
  const a = toNumberValue(left);
  const b = toNumberValue(right);
  if (a === undefined || b === undefined) return failure(`${operator} needs numbers, got ${left.kind} and ${right.kind}`, [left, right], resultType);
  switch (operator) {
    case '<':
      return bool(a < b, facts);
    case '>':
      return bool(a > b, facts);
    case '<=':
      return bool(a <= b, facts);
    case '>=':
      return bool(a >= b, facts);
    case '+':
      return num(a + b, facts);
    case '-':
      return num(a - b, facts);
    case '*':
      return num(a * b, facts);
    case '/':
      if (b === 0) return failure('division by zero', [left, right], 'number');
      return num(a / b, facts);
    case '%':
      if (b === 0) return failure('modulo by zero', [left, right], 'number');
      return num(a % b, facts);
    default:
      return unknownFrom(`unsupported operator ${operator}`, [left, right]);
  }
}

function evaluateSplat(expr: Extract<Expression, { kind: 'splat' }>, scope: Scope): EvalValue {
  const source = evaluate(expr.source, scope);
  if (source.kind === 'unknown') return unknownFrom(source.reason, [source], 'list');
  // A splat on null is an empty tuple; on a non-list it wraps the value (HCL's single-value splat).
  if (source.kind === 'null') return list([], 'tuple', origin(scope, expr.span));
  const items = source.kind === 'list' ? source.items : [source];
  const out = items.map((item) => evaluate(expr.each, { ...scope, splatItem: takenFrom(item, source) }));
  return list(out, 'tuple', { ...origin(scope, expr.span), ...(source.references ? { references: source.references } : {}) });
}

function evaluateTraversal(expr: TraversalExpr, scope: Scope): EvalValue {
  let value: EvalValue;
  let consumed = 0;
  const bound = scope.bindings?.get(expr.root);
  if (bound !== undefined) value = bound;
  else {
    const resolved = scope.resolver.resolve(expr, scope);
    if (!resolved) return failure(`unknown name ${expr.root}`);
    value = resolved.value;
    consumed = resolved.consumed;
  }
  for (let i = consumed; i < expr.steps.length; i++) value = applyStep(value, expr.steps[i] as TraversalStep, scope);
  if (value.kind === 'unknown') return value;
  // The value is written there for the reader, but it was set where its origin says; keep that origin.
  return value.origin ? value : { ...value, origin: { file: scope.file, span: expr.span } };
}

export function applyStep(value: EvalValue, step: TraversalStep, scope: Scope): EvalValue {
  if (step.kind === 'attr') return getAttr(value, step.name);
  return index(value, evaluate(step.key, scope));
}

export function getAttr(value: EvalValue, name: string): EvalValue {
  if (value.kind === 'unknown') return unknownFrom(value.reason, [value]);
  if (value.kind === 'object') {
    const info = RESOURCE_OBJECTS.get(value);
    const found = value.entries.get(name);
    if (info) {
      const attribute = [...info.path, name];
      const reference: TerraformReference = { address: info.address, ...(info.key !== undefined ? { key: info.key } : {}), attribute };
      if (found === undefined || found.kind === 'null') return unknown(`computed ${info.address}${keySuffix(info.key)}.${attribute.join('.')}`, { references: [reference] });
      // Inside a resource, only the first step names the referenced attribute; deeper values keep it.
      return info.path.length === 0 ? addReferences(found, [reference]) : takenFrom(found, value);
    }
    if (found !== undefined) return takenFrom(found, value);
    // An object computed from a resource (`element(aws_vpc.v.subnet, 0)`) may lack what apply sets.
    if (value.references && value.references.length > 0) return unknownFrom(`computed attribute ${name} of a value from ${value.references[0]?.address ?? 'a resource'}`, [value]);
    return failure(`no attribute ${name}`, [value]);
  }
  if (value.kind === 'null') return failure(`attribute ${name} of null`);
  return failure(`attribute ${name} of a ${value.kind}`, [value]);
}

export function keySuffix(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function index(value: EvalValue, key: EvalValue): EvalValue {
  if (value.kind === 'unknown') return unknownFrom(value.reason, [value, key]);
  if (key.kind === 'unknown') return unknownFrom(key.reason, [value, key]);
  if (value.kind === 'list') {
    const n = toNumberValue(key);
    if (n === undefined || !Number.isInteger(n)) return failure(`list index is not a whole number`, [value, key]);
    if (value.collection === 'set') return failure('sets cannot be indexed', [value]);
    const item = value.items[n];
    if (item === undefined) return failure(`index ${n} out of range`, [value]);
    return takenFrom(item, value);
  }
  if (value.kind === 'object') {
    const text = toStringValue(key);
    if (text === undefined) return failure('map key is not a string', [value, key]);
    return getAttr(value, text);
  }
  return failure(`cannot index a ${value.kind}`, [value, key]);
}

function callFunction(expr: Extract<Expression, { kind: 'functionCall' }>, scope: Scope): EvalValue {
  if (expr.name === 'try') {
    for (const arg of expr.args) {
      const value = evaluate(arg, scope);
      // An unknown argument could still fail at apply: try is then unknown, like Terraform.
      if (value.kind === 'unknown' && isEvaluationError(value)) continue;
      return value;
    }
    return unknown('try(): every argument failed');
  }
  if (expr.name === 'can') {
    const arg = expr.args[0];
    if (!arg || expr.args.length !== 1) return unknown('can() takes exactly one argument', { type: 'bool' });
    const value = evaluate(arg, scope);
    if (value.kind === 'unknown') return isEvaluationError(value) ? bool(false) : unknownFrom(value.reason, [value], 'bool');
    return bool(true, refsOf([value]));
  }
  const fn = FUNCTIONS.get(expr.name.startsWith('core::') ? expr.name.slice(6) : expr.name);
  let args = expr.args.map((arg) => evaluate(arg, scope));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1] as EvalValue;
    if (last.kind === 'unknown') return unknownFrom(last.reason, args);
    if (last.kind !== 'list') return failure(`cannot expand a ${last.kind} into arguments`, args);
    args = [...args.slice(0, -1), ...last.items];
  }
  if (!fn) return failure(`unknown function ${expr.name}`, args);
  try {
    const result = fn(args, scope.resolver.functions);
    // A function over an evaluation error is an error too (`upper(local.m.missing)` inside try).
    if (result.kind === 'unknown' && args.some((arg) => arg.kind === 'unknown' && ERRORS.has(arg))) ERRORS.add(result);
    return result;
  } catch (error) {
    if (error instanceof FunctionError) return failure(`${expr.name}(): ${error.message}`, args);
    // A bug in a function must not stop the scan: the value is just not known.
    return failure(`${expr.name}() failed: ${error instanceof Error ? error.message : String(error)}`, args);
  }
}

// Unknowns caused by an evaluation error (rather than by a value known only at apply): what try/can catch.
const ERRORS = new WeakSet<UnknownValue>();

function markError(value: UnknownValue): UnknownValue {
  ERRORS.add(value);
  return value;
}

function isEvaluationError(value: UnknownValue): boolean {
  return ERRORS.has(value);
}
