// Variable type constraints (`type = object({ a = optional(bool, false) })`): the conversions
// Terraform applies to an input value, reduced to those that change what rules see.
import type { Expression } from '../../../parse/terraform/ast.js';
import { bool, list, num, object, str } from './eval-value.js';
import type { EvalValue } from './eval-value.js';
import { toBoolValue, toNumberValue, toStringValue } from './evaluate.js';

export type TypeConstraint =
  | { readonly kind: 'any' | 'string' | 'number' | 'bool' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeConstraint }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeConstraint[] }
  | { readonly kind: 'object'; readonly attributes: ReadonlyMap<string, { type: TypeConstraint; optional: boolean; default?: Expression }> };

const ANY: TypeConstraint = { kind: 'any' };

/** Reads a type expression; anything not understood is `any` (no conversion). */
export function parseTypeConstraint(expr: Expression): TypeConstraint {
  if (expr.kind === 'traversal' && expr.steps.length === 0) {
    if (expr.root === 'string' || expr.root === 'number' || expr.root === 'bool' || expr.root === 'any') return { kind: expr.root };
    return ANY;
  }
  if (expr.kind !== 'functionCall') return ANY;
  const [first] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return first ? { kind: expr.name, element: parseTypeConstraint(first) } : ANY;
    case 'tuple':
      return first && first.kind === 'tuple' ? { kind: 'tuple', elements: first.elements.map(parseTypeConstraint) } : ANY;
    case 'object': {
      if (!first || first.kind !== 'object') return ANY;
      const attributes = new Map<string, { type: TypeConstraint; optional: boolean; default?: Expression }>();
      for (const item of first.items) {
        const name = item.nameKey ?? (item.key.kind === 'template' && item.key.parts.length === 1 && item.key.parts[0]?.kind === 'text' ? item.key.parts[0].value : undefined);
        if (name === undefined) continue;
        const value = item.value;
        if (value.kind === 'functionCall' && value.name === 'optional' && value.args[0]) {
          attributes.set(name, { type: parseTypeConstraint(value.args[0]), optional: true, ...(value.args[1] ? { default: value.args[1] } : {}) });
        } else attributes.set(name, { type: parseTypeConstraint(value), optional: false });
      }
      return { kind: 'object', attributes };
    }
    case 'optional':
      return first ? parseTypeConstraint(first) : ANY;
    default:
      return ANY;
  }
}

/**
 * Converts a value to a type as Terraform does for variables; a value that does not convert is
 * returned unchanged (Terraform would reject it; the scan goes on with what was written).
 * `evaluateDefault` evaluates an `optional(…, default)` expression.
 */
export function convertToType(value: EvalValue, type: TypeConstraint, evaluateDefault: (expr: Expression) => EvalValue): EvalValue {
  if (value.kind === 'unknown' || value.kind === 'null') return value;
  const facts = { ...(value.origin ? { origin: value.origin } : {}), ...(value.setBy ? { setBy: value.setBy } : {}), ...(value.references ? { references: value.references } : {}) };
  switch (type.kind) {
    case 'any':
      return value;
    case 'string': {
      const text = toStringValue(value);
      return text === undefined ? value : str(text, facts);
    }
    case 'number': {
      const n = toNumberValue(value);
      return n === undefined ? value : num(n, facts);
    }
    case 'bool': {
      const b = toBoolValue(value);
      return b === undefined ? value : bool(b, facts);
    }
    case 'list':
    case 'set':
      if (value.kind !== 'list') return value;
      return list(
        value.items.map((item) => withSetBy(convertToType(item, type.element, evaluateDefault), value)),
        type.kind,
        facts,
      );
    case 'tuple':
      if (value.kind !== 'list') return value;
      return list(
        value.items.map((item, i) => withSetBy(convertToType(item, type.elements[i] ?? ANY, evaluateDefault), value)),
        'tuple',
        facts,
      );
    case 'map': {
      if (value.kind !== 'object') return value;
      const entries = new Map<string, EvalValue>();
      for (const [key, entry] of value.entries) entries.set(key, withSetBy(convertToType(entry, type.element, evaluateDefault), value));
      return object(entries, 'map', facts);
    }
    case 'object': {
      if (value.kind !== 'object') return value;
      const entries = new Map<string, EvalValue>();
      for (const [name, attribute] of type.attributes) {
        const given = value.entries.get(name);
        if (given !== undefined && given.kind !== 'null') entries.set(name, withSetBy(convertToType(given, attribute.type, evaluateDefault), value));
        else if (attribute.default) entries.set(name, convertToType(evaluateDefault(attribute.default), attribute.type, evaluateDefault));
        else entries.set(name, given ?? { kind: 'null' });
      }
      return object(entries, 'object', facts);
    }
  }
}

/** An element of a value set by a tfvars line was set by that line too. */
function withSetBy(element: EvalValue, container: EvalValue): EvalValue {
  if (!container.setBy || element.setBy) return element;
  return { ...element, setBy: container.setBy };
}
