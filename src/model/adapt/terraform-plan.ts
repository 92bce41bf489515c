// `terraform show -json` plan → TfResource[] (source 'plan'), the same located documents as the
// configuration evaluator produces: planned values by attribute, nested blocks as lists, values
// known only at apply (`after_unknown`) unknown, and references taken from the plan's copy of the
// configuration (`configuration.root_module…expressions`). Format:
// https://developer.hashicorp.com/terraform/internals/json-format
import type { NodeSpan, ParsedDocument, PlainValue, TerraformReference, ValueSource } from '../../parse/kubernetes/types.js';
import { ParseFailure } from '../../parse/terraform/failure.js';
import { parseJsonValue } from '../../parse/terraform/parse-terraform-json.js';
import type { JsonObject, JsonValue } from '../../parse/terraform/parse-terraform-json.js';
import type { SourceFile } from '../../source/source-file.js';
import type { TfResource } from '../terraform.js';
import { Node } from '../value.js';

export interface PlanAdaptResult {
  readonly resources: TfResource[];
  /** The file is not valid JSON (offset of the first error). */
  readonly error?: { readonly message: string; readonly offset: number };
}

/** Deeper than any provider schema nests; guards the recursive walks against hostile input. */
const MAX_DEPTH = 256;
/** `var.a` → the caller's `a` → its caller's …: bounded like module nesting in the evaluator. */
const MAX_VARIABLE_HOPS = 32;

/** Reads one plan file. Never throws on user input. */
export function adaptTerraformPlan(file: SourceFile): PlanAdaptResult {
  let root: JsonValue;
  try {
    root = parseJsonValue(file.text, MAX_DEPTH);
  } catch (error) {
    if (error instanceof ParseFailure) return { resources: [], error: { message: error.message, offset: error.offset } };
    throw error;
  }
  if (root.kind !== 'object') return { resources: [], error: { message: 'a plan is a JSON object', offset: root.span.start } };

  const planned = collectPlanned(root);
  const configuration = indexConfiguration(objectAt(root, 'configuration', 'root_module'));
  const variableSources = rootVariableSources(file, objectAt(root, 'variables'));
  const resources: TfResource[] = [];
  for (const entry of planned) {
    const address = parseAddress(entry.address);
    if (!address) continue;
    const modulePath = address.modules.map((module) => module.name);
    const configPrefix = modulePath.map((name) => `module.${name}.`).join('');
    const localAddress = `${entry.mode === 'data' ? 'data.' : ''}${entry.type}.${entry.name}`;
    const config = configuration.get(configPrefix + localAddress);
    const doc = documentOf(file, entry, config, variableSources);
    resources.push({
      type: `tf:${entry.mode === 'data' ? 'data.' : ''}${entry.type}`,
      mode: entry.mode,
      resourceType: entry.type,
      name: entry.name,
      address: entry.address,
      configAddress: configPrefix + localAddress,
      key: address.key,
      modulePath,
      file,
      doc,
      root: Node.root(doc),
      source: 'plan',
      rootDir: file.path,
    });
  }
  return { resources };
}

// ---------------------------------------------------------------------------------------------
// Which resources the plan says will exist, and their values.

interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** The object that describes the resource (a resource change, or a planned/prior values entry). */
  readonly entry: JsonObject;
  readonly values: JsonValue | undefined;
  /** `after_unknown`: absent for planned or prior values, where nothing is unknown any more. */
  readonly unknown: JsonValue | undefined;
}

/**
 * Resource changes first (they say what is unknown), then planned values the changes do not cover,
 * then data sources read while planning (`prior_state`). Resources being destroyed are left out.
 */
function collectPlanned(root: JsonObject): PlannedResource[] {
  const out: PlannedResource[] = [];
  const seen = new Set<string>();
  const destroyed = new Set<string>();
  const changes = property(root, 'resource_changes');
  for (const change of changes?.kind === 'array' ? changes.elements : []) {
    if (change.kind !== 'object') continue;
    const head = resourceHead(change);
    const detail = property(change, 'change');
    if (!head || detail?.kind !== 'object') continue;
    const after = property(detail, 'after');
    if (!after || after.kind !== 'object') {
      destroyed.add(head.address);
      continue;
    }
    if (seen.has(head.address)) continue;
    seen.add(head.address);
    out.push({ ...head, entry: change, values: after, unknown: property(detail, 'after_unknown') });
  }
  const fromModule = (module: JsonObject | undefined, accept: (mode: 'managed' | 'data') => boolean, depth = 0): void => {
    if (!module || depth > MAX_DEPTH) return;
    const list = property(module, 'resources');
    for (const resource of list?.kind === 'array' ? list.elements : []) {
      if (resource.kind !== 'object') continue;
      const head = resourceHead(resource);
      if (!head || seen.has(head.address) || destroyed.has(head.address) || !accept(head.mode)) continue;
      seen.add(head.address);
      out.push({ ...head, entry: resource, values: property(resource, 'values'), unknown: undefined });
    }
    const children = property(module, 'child_modules');
    for (const child of children?.kind === 'array' ? children.elements : []) if (child.kind === 'object') fromModule(child, accept, depth + 1);
  };
  fromModule(objectAt(root, 'planned_values', 'root_module'), () => true);
  fromModule(objectAt(root, 'prior_state', 'values', 'root_module'), (mode) => mode === 'data');
  return out;
}

function resourceHead(entry: JsonObject): Pick<PlannedResource, 'address' | 'mode' | 'type' | 'name'> | undefined {
  const address = stringProperty(entry, 'address');
  const mode = stringProperty(entry, 'mode');
  const type = stringProperty(entry, 'type');
  const name = stringProperty(entry, 'name');
  if (address === undefined || type === undefined || name === undefined || (mode !== 'managed' && mode !== 'data')) return undefined;
  return { address, mode, type, name };
}

// ---------------------------------------------------------------------------------------------
// The located document of one resource.

function documentOf(file: SourceFile, planned: PlannedResource, config: ConfigResource | undefined, variableSources: ReadonlyMap<string, ValueSource>): ParsedDocument {
  const spans = new Map<string, NodeSpan>();
  const unknown = new Set<string>();
  const unknownReasons = new Map<string, string>();
  const references = new Map<string, readonly TerraformReference[]>();
  const setBy = new Map<string, readonly ValueSource[]>();

  // A finding on the resource as a whole points at its `"address": …` line.
  const addressValue = property(planned.entry, 'address');
  const entrySpan = planned.entry.span;
  spans.set('', { start: entrySpan.start, end: entrySpan.end, ...(addressValue ? { keyStart: addressValue.span.start, keyEnd: addressValue.span.end } : {}) });

  const value: PlainValue = planned.values?.kind === 'object' ? located(planned.values, '', spans, 0) : {};
  if (planned.unknown) markUnknown(value, planned.unknown, '', { spans, unknown, unknownReasons, address: planned.address }, 0);
  if (config) {
    config.walk((pointer, refs, sources) => {
      if (refs.length > 0) references.set(pointer, refs);
      if (sources.length > 0) setBy.set(pointer, sources);
    }, variableSources);
  }
  return { file, index: 0, start: entrySpan.start, end: entrySpan.end, value, spans, terraform: { unknown, references, setBy, unknownReasons } };
}

/** The plain value of a JSON node, recording the span of every value under `pointer`. */
function located(json: JsonValue, pointer: string, spans: Map<string, NodeSpan>, depth: number, key?: { start: number; end: number }): PlainValue {
  // The document's root span is the resource entry's, set by the caller.
  if (pointer !== '') spans.set(pointer, { start: json.span.start, end: json.span.end, ...(key ? { keyStart: key.start, keyEnd: key.end } : {}) });
  if (depth > MAX_DEPTH) return null;
  switch (json.kind) {
    case 'string':
      return json.value;
    case 'number':
      return Number(json.raw);
    case 'keyword':
      return json.value;
    case 'array':
      return json.elements.map((element, i) => located(element, `${pointer}/${i}`, spans, depth + 1));
    case 'object': {
      const out: { [key: string]: PlainValue } = {};
      for (const { key: name, value } of json.properties) {
        const lowered = located(value, `${pointer}/${escapePointer(name.value)}`, spans, depth + 1, name.span);
        // `__proto__` is a legal attribute key; assignment would change the prototype instead.
        if (name.value === '__proto__') Object.defineProperty(out, name.value, { value: lowered, enumerable: true, writable: true, configurable: true });
        else out[name.value] = lowered;
      }
      return out;
    }
  }
}

interface UnknownContext {
  readonly spans: Map<string, NodeSpan>;
  readonly unknown: Set<string>;
  readonly unknownReasons: Map<string, string>;
  readonly address: string;
}

/**
 * `after_unknown` mirrors `after`: `true` where the value is known only after apply, objects and
 * lists where only parts are. An unknown value gets a `null` placeholder in the document (the
 * contract of TerraformValueFacts) and the span of its `true` in `after_unknown` when `after`
 * does not hold it.
 */
function markUnknown(container: PlainValue, mask: JsonValue, pointer: string, context: UnknownContext, depth: number): void {
  if (depth > MAX_DEPTH || container === null || typeof container !== 'object') return;
  const visit = (segment: string | number, child: JsonValue, keySpan: { start: number; end: number } | undefined): void => {
    const childPointer = `${pointer}/${typeof segment === 'number' ? segment : escapePointer(segment)}`;
    if (child.kind === 'keyword' && child.value === true) {
      setChild(container, segment, null);
      context.unknown.add(childPointer);
      context.unknownReasons.set(childPointer, `${context.address}${displayPointer(childPointer)} is known only after apply`);
      if (!context.spans.has(childPointer)) context.spans.set(childPointer, { start: child.span.start, end: child.span.end, ...(keySpan ? { keyStart: keySpan.start, keyEnd: keySpan.end } : {}) });
      return;
    }
    if (child.kind !== 'object' && child.kind !== 'array') return;
    let inner = getChild(container, segment);
    if (inner === undefined || inner === null || typeof inner !== 'object') {
      // Known parts of a value whose other parts are unknown are still listed in `after`; a
      // container missing there holds nothing known.
      inner = child.kind === 'array' ? [] : {};
      if (!hasUnknownLeaf(child, depth + 1)) return;
      setChild(container, segment, inner);
      if (!context.spans.has(childPointer)) context.spans.set(childPointer, { start: child.span.start, end: child.span.end, ...(keySpan ? { keyStart: keySpan.start, keyEnd: keySpan.end } : {}) });
    }
    markUnknown(inner, child, childPointer, context, depth + 1);
  };
  if (mask.kind === 'object' && !Array.isArray(container)) for (const { key, value } of mask.properties) visit(key.value, value, key.span);
  else if (mask.kind === 'array' && Array.isArray(container)) mask.elements.forEach((element, i) => visit(i, element, undefined));
}

function hasUnknownLeaf(mask: JsonValue, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (mask.kind === 'keyword') return mask.value === true;
  if (mask.kind === 'array') return mask.elements.some((element) => hasUnknownLeaf(element, depth + 1));
  if (mask.kind === 'object') return mask.properties.some(({ value }) => hasUnknownLeaf(value, depth + 1));
  return false;
}

function getChild(container: PlainValue[] | { [key: string]: PlainValue }, segment: string | number): PlainValue | undefined {
  if (Array.isArray(container)) return typeof segment === 'number' ? container[segment] : undefined;
  return typeof segment === 'string' && Object.prototype.hasOwnProperty.call(container, segment) ? container[segment] : undefined;
}

function setChild(container: PlainValue[] | { [key: string]: PlainValue }, segment: string | number, value: PlainValue): void {
  if (Array.isArray(container)) {
    if (typeof segment !== 'number') return;
    while (container.length < segment) container.push(null);
    container[segment] = value;
    return;
  }
  if (typeof segment !== 'string') return;
  Object.defineProperty(container, segment, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// References, from the configuration the plan carries.

interface ConfigResource {
  /** Calls `visit` with each attribute's pointer, the references it makes and the variables that set it. */
  walk(visit: (pointer: string, references: readonly TerraformReference[], setBy: readonly ValueSource[]) => void, variableSources: ReadonlyMap<string, ValueSource>): void;
}

/** A module of the configuration: its prefix, and how to resolve `var.x` through its call. */
interface ConfigModule {
  readonly prefix: string;
  readonly module: JsonObject;
  /** The call's argument expressions and the calling module; absent for the root module. */
  readonly call?: { readonly expressions: JsonObject | undefined; readonly parent: ConfigModule };
}

function indexConfiguration(rootModule: JsonObject | undefined): Map<string, ConfigResource> {
  const index = new Map<string, ConfigResource>();
  const visitModule = (module: ConfigModule, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const list = property(module.module, 'resources');
    for (const resource of list?.kind === 'array' ? list.elements : []) {
      if (resource.kind !== 'object') continue;
      const address = stringProperty(resource, 'address');
      const expressions = property(resource, 'expressions');
      if (address === undefined || expressions?.kind !== 'object') continue;
      index.set(module.prefix + address, {
        walk: (visit, variableSources) => walkExpressions(expressions, '', module, visit, variableSources, 0),
      });
    }
    const calls = property(module.module, 'module_calls');
    if (calls?.kind !== 'object') return;
    for (const { key, value } of calls.properties) {
      if (value.kind !== 'object') continue;
      const child = property(value, 'module');
      if (child?.kind !== 'object') continue;
      const expressions = property(value, 'expressions');
      visitModule({ prefix: `${module.prefix}module.${key.value}.`, module: child, call: { expressions: expressions?.kind === 'object' ? expressions : undefined, parent: module } }, depth + 1);
    }
  };
  if (rootModule) visitModule({ prefix: '', module: rootModule }, 0);
  return index;
}

/**
 * An attribute is `{ references?, constant_value? }`; a nested block is a list of such maps (the
 * same indexes as the block list in the values).
 */
function walkExpressions(
  expressions: JsonObject,
  pointer: string,
  module: ConfigModule,
  visit: (pointer: string, references: readonly TerraformReference[], setBy: readonly ValueSource[]) => void,
  variableSources: ReadonlyMap<string, ValueSource>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  for (const { key, value } of expressions.properties) {
    const childPointer = `${pointer}/${escapePointer(key.value)}`;
    if (value.kind === 'array') {
      value.elements.forEach((element, i) => {
        if (element.kind === 'object') walkExpressions(element, `${childPointer}/${i}`, module, visit, variableSources, depth + 1);
      });
      continue;
    }
    if (value.kind !== 'object') continue;
    const texts = referenceTexts(value);
    if (texts.length === 0) continue;
    const resolved = resolveReferences(texts, module, variableSources, 0);
    visit(childPointer, resolved.references, resolved.setBy);
  }
}

interface Resolved {
  references: TerraformReference[];
  setBy: ValueSource[];
}

/**
 * Reference strings as Terraform lists them (`aws_kms_key.k.arn`, then `aws_kms_key.k`): the
 * shorter forms of a longer one are dropped, `var.x` in a module is followed to the caller's
 * argument, a root variable names the plan's `variables` entry that set it.
 */
function resolveReferences(texts: readonly string[], module: ConfigModule, variableSources: ReadonlyMap<string, ValueSource>, hops: number): Resolved {
  const out: Resolved = { references: [], setBy: [] };
  const seen = new Set<string>();
  const specific = texts.filter((text) => !texts.some((other) => other !== text && (other.startsWith(`${text}.`) || other.startsWith(`${text}[`))));
  const add = (reference: TerraformReference): void => {
    const id = JSON.stringify(reference);
    if (seen.has(id)) return;
    seen.add(id);
    out.references.push(reference);
  };
  const merge = (inner: Resolved): void => {
    inner.references.forEach(add);
    for (const source of inner.setBy) if (!out.setBy.includes(source)) out.setBy.push(source);
  };
  for (const text of specific) {
    const steps = tokens(text);
    const nameAt = (i: number): string | undefined => (steps[i]?.kind === 'name' ? (steps[i]?.step as string) : undefined);
    // `type.name["key"].rest`: the reference to the object at `steps[at]`, keyed when an index follows.
    const objectReference = (address: string, at: number): TerraformReference => {
      const keyStep = steps[at]?.kind === 'index' ? steps[at] : undefined;
      return reference(address, keyStep?.step, steps.slice(keyStep ? at + 1 : at).map((step) => step.step));
    };
    const head = nameAt(0);
    const second = nameAt(1);
    if (head === undefined || second === undefined) continue;
    switch (head) {
      case 'var': {
        if (!module.call) {
          const source = variableSources.get(second);
          if (source && !out.setBy.includes(source)) out.setBy.push(source);
          continue;
        }
        if (hops >= MAX_VARIABLE_HOPS) continue;
        const argument = module.call.expressions ? property(module.call.expressions, second) : undefined;
        merge(resolveReferences(referenceTexts(argument), module.call.parent, variableSources, hops + 1));
        continue;
      }
      case 'local':
      case 'each':
      case 'count':
      case 'path':
      case 'terraform':
      case 'self':
        // Locals are not in the plan's configuration; the others are not objects of the graph.
        continue;
      case 'data': {
        const name = nameAt(2);
        if (name !== undefined) add(objectReference(`${module.prefix}data.${second}.${name}`, 3));
        continue;
      }
      case 'module': {
        const outputReference = objectReference(`${module.prefix}module.${second}`, 2);
        add(outputReference);
        // And what the output is made of, inside the module.
        const output = outputReference.attribute[0];
        const call = objectAt(module.module, 'module_calls', second);
        const child = call ? objectAt(call, 'module') : undefined;
        if (typeof output !== 'string' || !call || !child || hops >= MAX_VARIABLE_HOPS) continue;
        const expressions = property(call, 'expressions');
        const childModule: ConfigModule = { prefix: `${module.prefix}module.${second}.`, module: child, call: { expressions: expressions?.kind === 'object' ? expressions : undefined, parent: module } };
        const expression = objectAt(child, 'outputs', output, 'expression');
        merge(resolveReferences(referenceTexts(expression), childModule, variableSources, hops + 1));
        continue;
      }
      default:
        add(objectReference(`${module.prefix}${head}.${second}`, 2));
    }
  }
  return out;
}

function referenceTexts(expression: JsonValue | undefined): string[] {
  const list = expression?.kind === 'object' ? property(expression, 'references') : undefined;
  return list?.kind === 'array' ? list.elements.flatMap((element) => (element.kind === 'string' ? [element.value] : [])) : [];
}

function reference(address: string, key: string | number | undefined, attribute: readonly (string | number)[]): TerraformReference {
  return { address, ...(key !== undefined ? { key } : {}), attribute };
}

type Step = string | number;

const TOKEN = /\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[\*\]|\.\*/y;

function tokens(text: string): { step: Step; kind: 'name' | 'index' }[] {
  const out: { step: Step; kind: 'name' | 'index' }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) break;
    if (match[1] !== undefined) out.push({ step: match[1], kind: 'name' });
    else if (match[2] !== undefined) out.push({ step: Number(match[2]), kind: 'index' });
    else if (match[3] !== undefined) out.push({ step: decodeQuoted(match[3]), kind: 'index' });
    else break; // a splat: what follows applies to every element, not a step of one address
  }
  return out;
}

function decodeQuoted(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

/** A resource address: module calls (with their keys), the resource, its instance key. */
export interface ParsedAddress {
  readonly modules: readonly { readonly name: string; readonly key?: Step }[];
  readonly key: Step | undefined;
}

export function parseAddress(text: string): ParsedAddress | undefined {
  const steps = tokens(text);
  const modules: { name: string; key?: Step }[] = [];
  let i = 0;
  while (steps[i]?.step === 'module' && steps[i]?.kind === 'name') {
    const name = steps[i + 1];
    if (name?.kind !== 'name') return undefined;
    const key = steps[i + 2]?.kind === 'index' ? steps[i + 2]?.step : undefined;
    modules.push({ name: name.step as string, ...(key !== undefined ? { key } : {}) });
    i += key !== undefined ? 3 : 2;
  }
  if (steps[i]?.step === 'data') i++;
  if (steps[i]?.kind !== 'name' || steps[i + 1]?.kind !== 'name') return undefined;
  const key = steps[i + 2]?.kind === 'index' ? steps[i + 2]?.step : undefined;
  return { modules, key };
}

/** Each root variable's entry in the plan (`"variables": {"public": {"value": true}}`). */
function rootVariableSources(file: SourceFile, variables: JsonObject | undefined): Map<string, ValueSource> {
  const out = new Map<string, ValueSource>();
  for (const { key, value } of variables?.properties ?? []) {
    out.set(key.value, { description: `var.${key.value} in the plan's variables (${file.path}:${file.positionAt(key.span.start).line})`, file, start: key.span.start, end: value.span.end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON helpers.

function property(object: JsonObject, name: string): JsonValue | undefined {
  // The last of repeated names wins, as in JSON.parse.
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const entry = object.properties[i];
    if (entry && entry.key.value === name) return entry.value;
  }
  return undefined;
}

function stringProperty(object: JsonObject, name: string): string | undefined {
  const value = property(object, name);
  return value?.kind === 'string' ? value.value : undefined;
}

function objectAt(root: JsonObject, ...names: string[]): JsonObject | undefined {
  let current: JsonObject | undefined = root;
  for (const name of names) {
    const next: JsonValue | undefined = current ? property(current, name) : undefined;
    current = next?.kind === 'object' ? next : undefined;
  }
  return current;
}

function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

function displayPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('');
}
