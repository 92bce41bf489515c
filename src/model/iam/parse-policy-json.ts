import type { PlainValue } from '../../parse/kubernetes/types.js';
import { isPlainObject, recordUnknownRead } from '../value.js';
import type { Node } from '../value.js';
import type { PolicyCondition, PolicyDocument, PolicyForm, PolicyList, PolicyPrincipal, PolicyStatement, PolicyString } from './policy.js';
import { isPrincipalType, knownString, unknownString } from './policy.js';

/**
 * The policy in a JSON string (`policy`, `assume_role_policy`, a bucket or key policy, a plan
 * value). Every element points at `at`, the attribute holding the string: text has no spans.
 * Invalid JSON, or JSON that is not a policy object, is 'unknown' (AWS would reject it; no rule
 * may read it as safe or unsafe). Never throws.
 */
export function parsePolicyJson(text: string, at: Node): PolicyDocument | 'unknown' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'unknown';
  }
  return readDocument(textCursor(value as PlainValue, at), 'json-string');
}

/**
 * The policy held by an attribute: a JSON string (see `parsePolicyJson`), or the object itself
 * when the evaluator exposes `jsonencode({...})`'s argument, read with exact locations.
 * 'unknown' when the value is unknown until apply, absent, or neither.
 */
export function readPolicyValue(node: Node): PolicyDocument | 'unknown' {
  // `jsonencode({...})` with a computed ARN inside: its statements are read, the ARN stays unknown.
  const encoded = node.jsonencoded();
  if (encoded?.isMap()) return readDocument(nodeCursor(encoded), 'object');
  // A policy Terraform knows only at apply (nothing of it readable): strict mode says so.
  if (node.state === 'unknown') recordUnknownRead(node);
  if (node.state !== 'set') return 'unknown';
  const text = node.str();
  if (text !== undefined) return parsePolicyJson(text, node);
  if (node.isMap()) return readDocument(nodeCursor(node), 'object');
  return 'unknown';
}

/** One walk for both forms: a Node, or a plain value whose elements all point at one Node. */
interface Cursor {
  readonly state: 'set' | 'absent' | 'unknown';
  readonly value: PlainValue | undefined;
  readonly node: Node;
  get(key: string): Cursor;
  items(): Cursor[];
  entries(): Array<[string, Cursor]>;
}

function nodeCursor(node: Node): Cursor {
  return {
    state: node.state,
    value: node.value,
    node,
    get: (key) => nodeCursor(node.get(key)),
    items: () => node.items().map(nodeCursor),
    entries: () => node.entries().map(([key, item]) => [key, nodeCursor(item)]),
  };
}

function textCursor(value: PlainValue | undefined, at: Node): Cursor {
  return {
    state: value === undefined ? 'absent' : 'set',
    value,
    node: at,
    get: (key) => textCursor(isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined, at),
    items: () => (Array.isArray(value) ? value.map((item) => textCursor(item, at)) : []),
    entries: () => (isPlainObject(value) ? Object.keys(value).map((key): [string, Cursor] => [key, textCursor(value[key], at)]) : []),
  };
}

function readDocument(root: Cursor, form: PolicyForm): PolicyDocument | 'unknown' {
  if (root.state !== 'set' || !isPlainObject(root.value)) return 'unknown';
  const incomplete: Node[] = [];
  const statements: PolicyStatement[] = [];
  const list = root.get('Statement');
  if (list.state === 'unknown') incomplete.push(list.node);
  else if (isPlainObject(list.value)) statements.push(readStatement(list, form));
  else if (Array.isArray(list.value)) {
    for (const item of list.items()) {
      if (item.state === 'unknown') incomplete.push(item.node);
      else if (isPlainObject(item.value)) statements.push(readStatement(item, form));
      // AWS rejects a statement that is not an object: the whole policy never applies.
      else return 'unknown';
    }
  } else if (list.value !== undefined && list.value !== null) return 'unknown';
  return { version: readScalar(root.get('Version')), id: readScalar(root.get('Id')), statements, incomplete, origin: root.node };
}

function readStatement(statement: Cursor, form: PolicyForm): PolicyStatement {
  const effect = statement.get('Effect');
  return {
    sid: readScalar(statement.get('Sid')),
    effect: effect.value === 'Allow' || effect.value === 'Deny' ? effect.value : 'unknown',
    effectNode: effect.state === 'absent' ? statement.node : effect.node,
    actions: readList(statement.get('Action')),
    notActions: readList(statement.get('NotAction')),
    resources: readList(statement.get('Resource')),
    notResources: readList(statement.get('NotResource')),
    principals: readPrincipals(statement.get('Principal')),
    notPrincipals: readPrincipals(statement.get('NotPrincipal')),
    conditions: readConditions(statement.get('Condition')),
    form,
    node: statement.node,
  };
}

/** A scalar as the text AWS compares (`true`, `10`); undefined when not written. */
function readScalar(cursor: Cursor): PolicyString | undefined {
  if (cursor.state === 'unknown') return unknownString(cursor.node);
  const text = scalarText(cursor.value);
  if (text !== undefined) return knownString(text, cursor.node);
  return cursor.value === undefined || cursor.value === null ? undefined : unknownString(cursor.node);
}

function scalarText(value: PlainValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** AWS's string-or-array form: `"s3:*"` or `["s3:GetObject", "s3:PutObject"]`. */
function readList(cursor: Cursor): PolicyList {
  if (cursor.state === 'unknown') return [unknownString(cursor.node)];
  if (cursor.value === undefined || cursor.value === null) return [];
  if (!Array.isArray(cursor.value)) return [readScalar(cursor) ?? unknownString(cursor.node)];
  return cursor.items().map((item) => readScalar(item) ?? unknownString(item.node));
}

/** `"*"`, `{"AWS": "arn…"}`, `{"Service": ["a", "b"], "AWS": "*"}`. */
function readPrincipals(cursor: Cursor): PolicyPrincipal[] {
  if (cursor.state === 'unknown') return [{ ...unknownString(cursor.node), type: 'unknown' }];
  if (cursor.value === undefined || cursor.value === null) return [];
  if (typeof cursor.value === 'string') return [{ ...knownString(cursor.value, cursor.node), type: cursor.value === '*' ? '*' : 'unknown' }];
  if (!isPlainObject(cursor.value)) return [{ ...unknownString(cursor.node), type: 'unknown' }];
  const principals: PolicyPrincipal[] = [];
  for (const [type, identifiers] of cursor.entries()) {
    const principalType = isPrincipalType(type) ? type : 'unknown';
    for (const identifier of readList(identifiers)) principals.push({ ...identifier, type: principalType });
  }
  return principals;
}

/** `{"StringEquals": {"aws:SourceAccount": "123456789012"}}`: one entry per operator and key. */
function readConditions(cursor: Cursor): PolicyCondition[] {
  if (cursor.state === 'unknown') return [unknownCondition(cursor.node)];
  if (cursor.value === undefined || cursor.value === null) return [];
  if (!isPlainObject(cursor.value)) return [unknownCondition(cursor.node)];
  const conditions: PolicyCondition[] = [];
  for (const [operator, keys] of cursor.entries()) {
    if (keys.state === 'unknown' || !isPlainObject(keys.value)) {
      conditions.push({ operator: knownString(operator, keys.node), key: unknownString(keys.node), values: [unknownString(keys.node)], node: keys.node });
      continue;
    }
    for (const [key, values] of keys.entries()) {
      conditions.push({ operator: knownString(operator, keys.node), key: knownString(key, values.node), values: readList(values), node: values.node });
    }
  }
  return conditions;
}

function unknownCondition(node: Node): PolicyCondition {
  return { operator: unknownString(node), key: unknownString(node), values: [unknownString(node)], node };
}
