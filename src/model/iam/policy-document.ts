// `data "aws_iam_policy_document"`, as the AWS provider (v5 and later) evaluates it: the located
// model from its blocks, and the exact `json` / `minified_json` string it renders.
//
// Provider semantics followed (registry docs of the data source, and its behaviour):
// - `statement` blocks in order; `effect` defaults to `Allow`; `version` to `2012-10-17`;
//   `actions`, `not_actions`, `resources`, `not_resources` and `principals.identifiers` are sets:
//   de-duplicated, rendered as a string when one element, else sorted in reverse byte order;
//   `condition.values` is a list: order and duplicates kept, a string when one element;
// - `&{aws:username}` becomes `${aws:username}` in resources, identifiers and condition values
//   (an error in version 2008-10-17); an empty Sid is left out (v5.0.0, provider PR #28539);
// - merge: `source_policy_documents` in order (their Sids must be unique), then the statements,
//   then `override_policy_documents` in order; a statement with a Sid replaces the earlier one
//   with the same Sid in place, any other is appended; `policy_id` and a higher `Version` win.
import type { TerraformReference } from '../../parse/kubernetes/types.js';
import type { PlainValue } from '../../parse/kubernetes/types.js';
import type { TfResource } from '../terraform.js';
import { isPlainObject } from '../value.js';
import type { Node } from '../value.js';
import { GoObject, compareGoStrings, goMarshal } from './go-json.js';
import type { GoJson } from './go-json.js';
import { readPolicyValue } from './parse-policy-json.js';
import type { PolicyCondition, PolicyDocument, PolicyEffect, PolicyList, PolicyPrincipal, PolicyStatement, PolicyString } from './policy.js';
import { isPrincipalType, knownString, unknownString } from './policy.js';

/** Finds the resource instance a reference names (the evaluated model's lookup). */
/** Finds the resource a reference names; `near` is the value holding the reference (references resolve within its root). */
export type ResolveResource = (reference: TerraformReference, near?: Node) => TfResource | undefined;

export interface PolicyDocumentOptions {
  /**
   * Follows a `source_policy_documents` / `override_policy_documents` element that is another
   * `data.aws_iam_policy_document`'s `json`, so its statements point at their blocks.
   */
  readonly resolve?: ResolveResource;
}

const DEFAULT_VERSION = '2012-10-17';
const VERSIONS = new Set(['2008-10-17', DEFAULT_VERSION]);

/**
 * The merged policy of a `data "aws_iam_policy_document"` body, each element located at its block
 * or attribute. Statements from a source / override document that is a JSON string point at that
 * list element; an unknown one is listed in `incomplete`.
 */
export function policyFromDocumentDataSource(root: Node, options: PolicyDocumentOptions = {}): PolicyDocument {
  return documentFromBlocks(root, options.resolve, new Set());
}

/**
 * The policy an attribute holds (`policy = data.aws_iam_policy_document.p.json`, a heredoc, a
 * `jsonencode`): when it is a policy document data source's `json`, the data source's blocks
 * (located statements); else the string or object itself. Also used by `policiesOf`.
 */
export function policyOfAttribute(node: Node, resolve: ResolveResource | undefined, visiting: ReadonlySet<string> = new Set()): PolicyDocument | 'unknown' {
  const source = resolve ? documentDataSourceOf(node, resolve) : undefined;
  if (source && !visiting.has(source.resource.address)) {
    const inner = new Set(visiting).add(source.resource.address);
    // An unknown value that is exactly that reference, or a known one equal to what the data source
    // renders (the evaluator renders it): the blocks say the same, with their own lines.
    if (node.state === 'unknown' && node.references().length === 1) return documentFromBlocks(source.resource.root, resolve, inner);
    if (node.state === 'set' && node.str() !== undefined && node.str() === renderPolicyDocumentJson(source.resource.root, { minified: source.minified })) {
      return documentFromBlocks(source.resource.root, resolve, inner);
    }
  }
  return readPolicyValue(node);
}

function documentDataSourceOf(node: Node, resolve: ResolveResource): { resource: TfResource; minified: boolean } | undefined {
  for (const reference of node.references()) {
    const attribute = reference.attribute[0];
    if (reference.attribute.length !== 1 || (attribute !== 'json' && attribute !== 'minified_json')) continue;
    if (!/(^|\.)data\.aws_iam_policy_document\.[^.]+$/.test(reference.address)) continue;
    const resource = resolve(reference, node);
    if (resource && resource.mode === 'data' && resource.resourceType === 'aws_iam_policy_document') return { resource, minified: attribute === 'minified_json' };
  }
  return undefined;
}

function documentFromBlocks(root: Node, resolve: ResolveResource | undefined, visiting: ReadonlySet<string>): PolicyDocument {
  const incomplete: Node[] = [];
  const statements: PolicyStatement[] = [];
  let version: PolicyString | undefined;
  let id: PolicyString | undefined;
  const adopt = (document: Pick<PolicyDocument, 'version' | 'id'>): void => {
    if (document.id && (document.id.state === 'unknown' || document.id.value !== '')) id = document.id;
    // Merge upgrades the version only: `2012-10-17` > `2008-10-17` as text, as the provider compares.
    if (document.version && (version === undefined || document.version.state === 'unknown' || (version.state === 'set' && document.version.value > version.value))) version = document.version;
  };
  const mergeDocuments = (list: Node): void => {
    if (list.state === 'unknown') incomplete.push(list);
    // Unknown items too: one may still be a data source's `json`, followed through `resolve`.
    for (const item of list.items()) {
      if (!item.isWritten()) continue;
      const document = policyOfAttribute(item, resolve, visiting);
      if (document === 'unknown') {
        incomplete.push(item);
        continue;
      }
      incomplete.push(...document.incomplete);
      adopt(document);
      mergeStatements(statements, document.statements, incomplete);
    }
  };

  mergeDocuments(root.get('source_policy_documents'));
  const ownVersion = blockString(root.get('version')) ?? knownString(DEFAULT_VERSION, root);
  const substitute = !(ownVersion.state === 'set' && ownVersion.value === '2008-10-17');
  const own = listItems(root.get('statement'), incomplete).map((block) => readBlockStatement(block, substitute));
  adopt({ version: ownVersion, id: blockString(root.get('policy_id')) });
  mergeStatements(statements, own, incomplete);
  mergeDocuments(root.get('override_policy_documents'));
  return { version, id, statements, incomplete, origin: root };
}

/** The provider's merge: a statement with a Sid replaces the first one with that Sid, others append. */
function mergeStatements(into: PolicyStatement[], incoming: readonly PolicyStatement[], incomplete: Node[]): void {
  for (const statement of incoming) {
    const sid = statement.sid;
    if (sid?.state === 'unknown') incomplete.push(sid.node); // it may replace any earlier statement
    const index = sid?.state === 'set' && sid.value !== '' ? into.findIndex((existing) => existing.sid?.state === 'set' && existing.sid.value === sid.value) : -1;
    if (index >= 0) into[index] = statement;
    else into.push(statement);
  }
}

/** Items of a block list or list attribute; an unknown list or item goes to `incomplete`. */
function listItems(list: Node, incomplete: Node[]): Node[] {
  if (list.state === 'unknown') {
    incomplete.push(list);
    return [];
  }
  const items: Node[] = [];
  for (const item of list.items()) {
    if (item.state === 'unknown') incomplete.push(item);
    else items.push(item);
  }
  return items;
}

function readBlockStatement(block: Node, substitute: boolean): PolicyStatement {
  const effect = block.get('effect');
  return {
    sid: blockString(block.get('sid')),
    effect: readEffect(effect),
    effectNode: effect.isWritten() ? effect : block,
    actions: blockList(block.get('actions'), false),
    notActions: blockList(block.get('not_actions'), false),
    resources: blockList(block.get('resources'), substitute),
    notResources: blockList(block.get('not_resources'), substitute),
    principals: blockPrincipals(block.get('principals'), substitute),
    notPrincipals: blockPrincipals(block.get('not_principals'), substitute),
    conditions: blockConditions(block.get('condition'), substitute),
    form: 'blocks',
    node: block,
  };
}

function readEffect(effect: Node): PolicyEffect {
  if (!effect.isWritten()) return 'Allow';
  const text = effect.str();
  return text === 'Allow' || text === 'Deny' ? text : 'unknown';
}

/** An attribute as Terraform converts it to a string argument; undefined when not written (or null). */
function blockString(node: Node, substitute = false): PolicyString | undefined {
  if (node.state === 'unknown') return unknownString(node);
  if (node.value === undefined || node.value === null) return undefined;
  const text = terraformString(node.value);
  if (text === undefined) return unknownString(node);
  return knownString(substitute ? substituteVariables(text) : text, node);
}

function blockList(node: Node, substitute: boolean): PolicyList {
  if (node.state === 'unknown') return [unknownString(node)];
  if (node.value === undefined || node.value === null) return [];
  if (!Array.isArray(node.value)) return [unknownString(node)];
  return node.items().map((item) => blockString(item, substitute) ?? unknownString(item));
}

function blockPrincipals(list: Node, substitute: boolean): PolicyPrincipal[] {
  if (list.state === 'unknown') return [{ ...unknownString(list), type: 'unknown' }];
  const principals: PolicyPrincipal[] = [];
  for (const block of list.items()) {
    if (block.state === 'unknown') {
      principals.push({ ...unknownString(block), type: 'unknown' });
      continue;
    }
    const type = blockString(block.get('type'));
    const principalType = type?.state === 'set' && isPrincipalType(type.value) ? type.value : 'unknown';
    for (const identifier of blockList(block.get('identifiers'), substitute)) principals.push({ ...identifier, type: principalType });
  }
  return principals;
}

function blockConditions(list: Node, substitute: boolean): PolicyCondition[] {
  if (list.state === 'unknown') return [{ operator: unknownString(list), key: unknownString(list), values: [unknownString(list)], node: list }];
  return list.items().map((block) => ({
    operator: blockString(block.get('test')) ?? unknownString(block),
    key: blockString(block.get('variable')) ?? unknownString(block),
    values: blockList(block.get('values'), substitute),
    node: block,
  }));
}

/** `&{aws:username}` is how HCL writes the policy variable `${aws:username}`. */
function substituteVariables(text: string): string {
  return text.replaceAll('&{', '${');
}

/** A primitive as Terraform converts it for a string argument: `true` → "true", `10` → "10". */
function terraformString(value: PlainValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const text = String(value);
    // Terraform prints numbers in full (`1e+21` is "1000000000000000000000"); not reproduced here.
    return Number.isFinite(value) && !text.includes('e') ? text : undefined;
  }
  return undefined;
}

// ---- Rendering `json` ----------------------------------------------------------------------

export interface RenderOptions {
  /** `minified_json` instead of `json`. */
  readonly minified?: boolean;
}

/**
 * The `json` (or `minified_json`) attribute the provider would compute for this data source body,
 * byte for byte; undefined when any value it needs is unknown, when the provider would fail (invalid
 * effect, version or Sid, duplicate Sids, invalid source JSON, `&{` in version 2008-10-17), or when
 * the result depends on the order of a Terraform set of blocks (two `principals` blocks of the same
 * type, two `condition` blocks with the same test and variable), which this does not reproduce.
 */
export function renderPolicyDocumentJson(root: Node, options: RenderOptions = {}): string | undefined {
  try {
    return goMarshal(documentToGo(renderDocument(root)), options.minified !== true);
  } catch (error) {
    if (error instanceof CannotRender) return undefined;
    throw error;
  }
}

class CannotRender extends Error {}

function cannot(reason: string): never {
  throw new CannotRender(reason);
}

interface GoPrincipal {
  readonly type: string;
  readonly identifiers: string | readonly string[];
}

interface GoCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: string | readonly string[];
}

/** The provider's statement struct; list fields hold whatever was decoded (`any` in Go). */
interface GoStatement {
  readonly sid: string;
  readonly effect: string;
  readonly action: GoJson | undefined;
  readonly notAction: GoJson | undefined;
  readonly resource: GoJson | undefined;
  readonly notResource: GoJson | undefined;
  readonly principals: readonly GoPrincipal[];
  readonly notPrincipals: readonly GoPrincipal[];
  readonly conditions: readonly GoCondition[];
}

interface GoDocument {
  version: string;
  id: string;
  statements: GoStatement[];
}

function renderDocument(root: Node): GoDocument {
  if (root.state !== 'set' || !root.isMap()) cannot('not a known body');
  for (const removed of ['source_json', 'override_json']) {
    // Both must now be empty; what an older provider made of them is not reproduced.
    const text = requiredString(root.get(removed), false);
    if (text !== undefined && text !== '') cannot(`${removed} is set`);
  }
  const merged: GoDocument = { version: '', id: '', statements: [] };
  const sourceSids = new Set<string>();
  for (const text of stringList(root.get('source_policy_documents')) ?? []) {
    const source = decodeDocument(text);
    for (const statement of source.statements) {
      if (statement.sid === '') continue;
      if (sourceSids.has(statement.sid)) cannot('duplicate Sid in source_policy_documents');
      sourceSids.add(statement.sid);
    }
    mergeGo(merged, source);
  }
  const version = requiredString(root.get('version'), false) ?? DEFAULT_VERSION;
  if (!VERSIONS.has(version)) cannot('invalid version');
  const own: GoDocument = { version, id: requiredString(root.get('policy_id'), false) ?? '', statements: [] };
  const sids = new Set<string>();
  for (const block of blockItems(root.get('statement'))) {
    const statement = renderStatement(block, version);
    if (statement.sid !== '') {
      if (sids.has(statement.sid)) cannot('duplicate Sid');
      sids.add(statement.sid);
    }
    own.statements.push(statement);
  }
  mergeGo(merged, own);
  for (const text of stringList(root.get('override_policy_documents')) ?? []) mergeGo(merged, decodeDocument(text));
  return merged;
}

function mergeGo(into: GoDocument, incoming: GoDocument): void {
  if (incoming.id !== '') into.id = incoming.id;
  if (incoming.version > into.version) into.version = incoming.version;
  for (const statement of incoming.statements) {
    const index = statement.sid === '' ? -1 : into.statements.findIndex((existing) => existing.sid === statement.sid);
    if (index >= 0) into.statements[index] = statement;
    else into.statements.push(statement);
  }
}

function renderStatement(block: Node, version: string): GoStatement {
  const effect = requiredString(block.get('effect'), false) ?? 'Allow';
  if (effect !== 'Allow' && effect !== 'Deny') cannot('invalid effect');
  const sid = requiredString(block.get('sid'), false) ?? '';
  if (!/^[a-zA-Z0-9]*$/.test(sid)) cannot('invalid sid');
  const set = (name: string, substitute: boolean): GoJson | undefined => {
    const values = unique(stringList(block.get(name)) ?? []);
    if (values.length === 0) return undefined;
    // The provider sorts first and substitutes after: `a&{x}` sorts as written.
    const decoded = decodeStrings(values);
    if (!substitute) return decoded;
    return typeof decoded === 'string' ? substituteChecked(decoded, version) : decoded.map((value) => substituteChecked(value, version));
  };
  return {
    sid,
    effect,
    action: set('actions', false),
    notAction: set('not_actions', false),
    resource: set('resources', true),
    notResource: set('not_resources', true),
    principals: renderPrincipals(block.get('principals'), version),
    notPrincipals: renderPrincipals(block.get('not_principals'), version),
    conditions: renderConditions(block.get('condition'), version),
  };
}

function renderPrincipals(list: Node, version: string): GoPrincipal[] {
  const principals = new Map<string, GoPrincipal>();
  for (const block of blockItems(list)) {
    const type = requiredString(block.get('type'), true) as string;
    const identifiers = unique(stringList(block.get('identifiers')) ?? cannot('identifiers missing')).map((value) => substituteChecked(value, version));
    // A set of blocks: identical blocks are one element.
    principals.set(JSON.stringify([type, [...identifiers].sort(compareGoStrings)]), { type, identifiers: decodeStrings(identifiers) });
  }
  const all = [...principals.values()];
  if (new Set(all.map((principal) => principal.type)).size !== all.length) cannot('principals blocks of one type: set order');
  return all;
}

function renderConditions(list: Node, version: string): GoCondition[] {
  const conditions = new Map<string, GoCondition>();
  for (const block of blockItems(list)) {
    const test = requiredString(block.get('test'), true) as string;
    const variable = requiredString(block.get('variable'), true) as string;
    const values = (stringList(block.get('values')) ?? cannot('values missing')).map((value) => substituteChecked(value, version));
    conditions.set(JSON.stringify([test, variable, values]), { test, variable, values: values.length === 1 ? (values[0] as string) : values });
  }
  const all = [...conditions.values()];
  if (new Set(all.map((condition) => JSON.stringify([condition.test, condition.variable]))).size !== all.length) cannot('condition blocks with one test and variable: set order');
  return all;
}

function substituteChecked(text: string, version: string): string {
  if (version === '2008-10-17' && text.includes('&{')) cannot('&{ in version 2008-10-17');
  return substituteVariables(text);
}

/** One element as a string, else sorted in reverse byte order (the provider's set rendering). */
function decodeStrings(values: readonly string[]): string | readonly string[] {
  if (values.length === 1) return values[0] as string;
  return [...values].sort((a, b) => compareGoStrings(b, a));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function blockItems(list: Node): Node[] {
  if (list.state === 'unknown') cannot('unknown blocks');
  if (list.value === undefined || list.value === null) return [];
  if (!Array.isArray(list.value)) cannot('not a block list');
  return list.items().map((item) => (item.state === 'set' && item.isMap() ? item : cannot('unknown block')));
}

function requiredString(node: Node, required: boolean): string | undefined {
  if (node.state === 'unknown') cannot('unknown');
  if (node.value === undefined || node.value === null) return required ? cannot('missing') : undefined;
  return terraformString(node.value) ?? cannot('not a string');
}

function stringList(node: Node): string[] | undefined {
  if (node.state === 'unknown') cannot('unknown');
  if (node.value === undefined || node.value === null) return undefined;
  if (!Array.isArray(node.value)) cannot('not a list');
  return node.items().map((item) => requiredString(item, true) as string);
}

// ---- Go's json.Unmarshal of a policy into the provider's structs ----------------------------

/** Go matches JSON keys to struct fields ignoring case; the last matching key wins. */
function fieldsOf(object: { [key: string]: PlainValue }, names: readonly string[]): Map<string, PlainValue> {
  const fields = new Map<string, PlainValue>();
  for (const key of Object.keys(object)) {
    const name = names.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name !== undefined) fields.set(name, object[key] as PlainValue);
  }
  return fields;
}

function decodeDocument(text: string): GoDocument {
  let value: PlainValue;
  try {
    value = JSON.parse(text) as PlainValue;
  } catch {
    return cannot('invalid JSON');
  }
  const document: GoDocument = { version: '', id: '', statements: [] };
  if (value === null) return document;
  if (!isPlainObject(value)) cannot('not an object');
  const fields = fieldsOf(value, ['Version', 'Id', 'Statement']);
  document.version = goString(fields.get('Version')) ?? '';
  document.id = goString(fields.get('Id')) ?? '';
  const statements = fields.get('Statement');
  if (statements !== undefined && statements !== null) {
    if (!Array.isArray(statements)) cannot('Statement is not an array');
    // A null statement makes the provider panic in Merge.
    document.statements = statements.map((statement) => (isPlainObject(statement) ? decodeStatement(statement) : cannot('statement is not an object')));
  }
  return document;
}

function decodeStatement(object: { [key: string]: PlainValue }): GoStatement {
  const fields = fieldsOf(object, ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
  const any = (name: string): GoJson | undefined => {
    const value = fields.get(name);
    return value === undefined || value === null ? undefined : toGo(value);
  };
  return {
    sid: goString(fields.get('Sid')) ?? '',
    effect: goString(fields.get('Effect')) ?? '',
    action: any('Action'),
    notAction: any('NotAction'),
    resource: any('Resource'),
    notResource: any('NotResource'),
    principals: fields.has('Principal') ? decodePrincipals(fields.get('Principal') as PlainValue) : [],
    notPrincipals: fields.has('NotPrincipal') ? decodePrincipals(fields.get('NotPrincipal') as PlainValue) : [],
    conditions: fields.has('Condition') ? decodeConditions(fields.get('Condition') as PlainValue) : [],
  };
}

/** A string field: absent or null leaves Go's zero value; any other type fails the decode. */
function goString(value: PlainValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : cannot('not a string');
}

/** The provider's principal decoding: any string is `*`; arrays are sorted (re-sorted on output). */
function decodePrincipals(value: PlainValue): GoPrincipal[] {
  if (typeof value === 'string') return [{ type: '*', identifiers: ['*'] }];
  if (!isPlainObject(value)) cannot('unsupported Principal');
  return Object.keys(value).map((type) => {
    const identifiers = value[type];
    if (typeof identifiers === 'string') return { type, identifiers };
    if (!Array.isArray(identifiers)) return cannot('unsupported principal identifiers');
    return { type, identifiers: identifiers.map((item) => (typeof item === 'string' ? item : cannot('identifier is not a string'))) };
  });
}

/**
 * The provider's condition decoding: strings and arrays of strings are kept, booleans become
 * "true" / "false", and numbers or nulls are dropped without error (so `{"NumericLessThan":
 * {"s3:max-keys": 10}}` in a source document disappears from the output, as it does in Terraform).
 */
function decodeConditions(value: PlainValue): GoCondition[] {
  if (value === null) return [];
  if (!isPlainObject(value)) cannot('Condition is not an object');
  const conditions: GoCondition[] = [];
  for (const test of Object.keys(value)) {
    const variables = value[test] as PlainValue;
    if (variables === null) continue;
    if (!isPlainObject(variables)) cannot('condition test is not an object');
    for (const variable of Object.keys(variables)) {
      const values = variables[variable] as PlainValue;
      if (typeof values === 'string') conditions.push({ test, variable, values: [values] });
      else if (typeof values === 'boolean') conditions.push({ test, variable, values: values ? 'true' : 'false' });
      else if (Array.isArray(values)) conditions.push({ test, variable, values: values.map((item) => (typeof item === 'string' ? item : cannot('panics on a non-string value'))) });
    }
  }
  return conditions;
}

/** A decoded `any`: objects are Go maps, marshalled with sorted keys. */
function toGo(value: PlainValue): GoJson {
  if (Array.isArray(value)) return value.map(toGo);
  if (isPlainObject(value)) return GoObject.sorted(Object.keys(value).map((key): [string, GoJson] => [key, toGo(value[key] as PlainValue)]));
  return value;
}

// ---- Go's json.Marshal of the provider's structs --------------------------------------------

function documentToGo(document: GoDocument): GoJson {
  const pairs: Array<[string, GoJson]> = [];
  if (document.version !== '') pairs.push(['Version', document.version]);
  if (document.id !== '') pairs.push(['Id', document.id]);
  if (document.statements.length > 0) pairs.push(['Statement', document.statements.map(statementToGo)]);
  return new GoObject(pairs);
}

function statementToGo(statement: GoStatement): GoJson {
  const pairs: Array<[string, GoJson]> = [];
  const put = (key: string, value: GoJson | undefined): void => {
    if (value !== undefined) pairs.push([key, value]);
  };
  if (statement.sid !== '') pairs.push(['Sid', statement.sid]);
  if (statement.effect !== '') pairs.push(['Effect', statement.effect]);
  put('Action', statement.action);
  put('NotAction', statement.notAction);
  put('Resource', statement.resource);
  put('NotResource', statement.notResource);
  if (statement.principals.length > 0) pairs.push(['Principal', principalsToGo(statement.principals)]);
  if (statement.notPrincipals.length > 0) pairs.push(['NotPrincipal', principalsToGo(statement.notPrincipals)]);
  if (statement.conditions.length > 0) pairs.push(['Condition', conditionsToGo(statement.conditions)]);
  return new GoObject(pairs);
}

/** Only a lone `*` principal of type `*` is the bare `"*"`; `{"AWS": "*"}` stays a map (IAM differs). */
function principalsToGo(principals: readonly GoPrincipal[]): GoJson {
  const only = principals.length === 1 ? principals[0] : undefined;
  if (only && only.type === '*' && (only.identifiers === '*' || (typeof only.identifiers !== 'string' && only.identifiers.length === 1 && only.identifiers[0] === '*'))) return '*';
  const byType = new Map<string, string | string[]>();
  for (const { type, identifiers } of principals) {
    const current = byType.get(type);
    if (typeof identifiers === 'string') {
      byType.set(type, current === undefined ? identifiers : [...(typeof current === 'string' ? [current] : current), identifiers]);
    } else {
      const sorted = [...identifiers].sort((a, b) => compareGoStrings(b, a));
      byType.set(type, [...(current === undefined ? [] : typeof current === 'string' ? [current] : current), ...sorted]);
    }
  }
  return GoObject.sorted(byType);
}

function conditionsToGo(conditions: readonly GoCondition[]): GoJson {
  const byTest = new Map<string, Map<string, string[]>>();
  for (const { test, variable, values } of conditions) {
    const variables = byTest.get(test) ?? new Map<string, string[]>();
    byTest.set(test, variables);
    variables.set(variable, [...(variables.get(variable) ?? []), ...(typeof values === 'string' ? [values] : values)]);
  }
  return GoObject.sorted([...byTest].map(([test, variables]): [string, GoJson] => [test, GoObject.sorted([...variables].map(([variable, values]): [string, GoJson] => [variable, values.length === 1 ? (values[0] as string) : values]))]));
}
