// One module instance: its variables, locals, resources, module calls and outputs, all evaluated
// lazily (a reference evaluates what it names, once) with cycle detection.
import type { Attribute, Block, Body, Expression, ObjectExpr, TextSpan, TraversalExpr } from '../../../parse/terraform/ast.js';
import type { NodeSpan, ValueSource } from '../../../parse/kubernetes/types.js';
import { pointerOf } from '../../../parse/kubernetes/types.js';
import { SourceFile } from '../../../source/source-file.js';
import { withComputedAttributes } from './data-sources.js';
import { NULL, list, num, object, str, unknown } from './eval-value.js';
import type { EvalValue, ObjectValue } from './eval-value.js';
import { RESOURCE_OBJECTS, evaluate, failure, iterate, toNumberValue, toStringValue, withBindings } from './evaluate.js';
import type { ResourceObjectInfo, RootResolver, Scope } from './evaluate.js';
import type { FunctionContext } from './functions/index.js';
import { convertToType, parseTypeConstraint } from './type-constraint.js';

export interface LoadedFile {
  readonly path: string;
  readonly file: SourceFile;
  readonly body: Body;
}

export interface ResourceDecl {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly block: Block;
  readonly file: SourceFile;
}

interface Declared<T> {
  readonly node: T;
  readonly file: SourceFile;
}

/** What a module directory declares. */
export interface ModuleContent {
  readonly dir: string;
  readonly variables: ReadonlyMap<string, Declared<Block>>;
  readonly locals: ReadonlyMap<string, Declared<Attribute>>;
  /** By local address: `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`. */
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly modules: ReadonlyMap<string, Declared<Block>>;
  readonly outputs: ReadonlyMap<string, Declared<Block>>;
}

export function collectContent(dir: string, files: readonly LoadedFile[]): ModuleContent {
  const variables = new Map<string, Declared<Block>>();
  const locals = new Map<string, Declared<Attribute>>();
  const resources = new Map<string, ResourceDecl>();
  const modules = new Map<string, Declared<Block>>();
  const outputs = new Map<string, Declared<Block>>();
  for (const { file, body } of files) {
    for (const block of body.blocks) {
      const [first, second] = block.labels;
      // The first declaration wins; Terraform rejects duplicates (override files are not merged).
      switch (block.type) {
        case 'variable':
          if (first && !variables.has(first.value)) variables.set(first.value, { node: block, file });
          break;
        case 'locals':
          for (const attribute of block.body.attributes) if (!locals.has(attribute.name)) locals.set(attribute.name, { node: attribute, file });
          break;
        case 'resource':
        case 'data': {
          if (!first || !second) break;
          const key = `${block.type === 'data' ? 'data.' : ''}${first.value}.${second.value}`;
          if (!resources.has(key)) resources.set(key, { mode: block.type === 'data' ? 'data' : 'managed', type: first.value, name: second.value, block, file });
          break;
        }
        case 'module':
          if (first && !modules.has(first.value)) modules.set(first.value, { node: block, file });
          break;
        case 'output':
          if (first && !outputs.has(first.value)) outputs.set(first.value, { node: block, file });
          break;
      }
    }
  }
  return { dir, variables, locals, resources, modules, outputs };
}

export function attributeOf(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((attribute) => attribute.name === name);
}

/** An evaluated block body plus the spans of its attributes and blocks (key = name / block type). */
export interface EvaluatedBody {
  readonly value: ObjectValue;
  readonly spans: Map<string, NodeSpan>;
}

export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'each'; readonly entries: readonly (readonly [string, EvalValue])[] }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface ResourceInstance {
  readonly decl: ResourceDecl;
  readonly key: string | number | undefined;
  readonly body: EvaluatedBody;
  readonly expansion: Expansion['kind'];
}

/** The services a module instance needs from the whole evaluation. */
export interface ModuleHost {
  notice(code: string, message: string, file: SourceFile, start: number, end: number): void;
  /** Counts an instance against the global cap; false once the cap is reached. */
  admit(): boolean;
  /** A child module's instance for a call, or an unknown value (with a notice) when it cannot be loaded. */
  instantiateChild(parent: ModuleInstance, name: string, call: Declared<Block>, key: string | number | undefined, scope: Scope): ModuleInstance | EvalValue;
  readFile(path: string): string | undefined;
  renderTemplate(text: string, vars: ObjectValue, scope: Scope): EvalValue;
}

export interface ModuleInstanceOptions {
  readonly host: ModuleHost;
  readonly content: ModuleContent;
  readonly rootDir: string;
  /** Module call names from the root. */
  readonly modulePath: readonly string[];
  /** `module.a["k"].` for resource instance addresses. */
  readonly instancePrefix: string;
  /** `module.a.` for configuration addresses. */
  readonly configPrefix: string;
  readonly depth: number;
  /** Directories of this instance and its callers, for cycle detection. */
  readonly ancestry: readonly string[];
  /** The value given for a variable by the caller (or tfvars for a root), undefined when none. */
  readonly input: (name: string) => EvalValue | undefined;
}

const PENDING = Symbol('pending');
// Nested lookups (a local naming a local naming …) in progress; bounded so that the stack is not exhausted.
const MAX_LOOKUP_DEPTH = 400;
let activeLookups = 0;
const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

export class ModuleInstance implements RootResolver {
  readonly functions: FunctionContext;
  private readonly variables = new Map<string, EvalValue | typeof PENDING>();
  private readonly localValues = new Map<string, EvalValue | typeof PENDING>();
  private readonly resourceInstances = new Map<string, readonly ResourceInstance[] | typeof PENDING>();
  private readonly childModules = new Map<string, { expansion: Expansion; children: ReadonlyMap<string | number, ModuleInstance | EvalValue> } | typeof PENDING>();
  private readonly outputValues = new Map<string, EvalValue | typeof PENDING>();
  private readonly fileScopes = new Map<SourceFile, Scope>();

  constructor(readonly options: ModuleInstanceOptions) {
    this.functions = {
      readFile: (path) => options.host.readFile(path),
      renderTemplate: (text, vars) => options.host.renderTemplate(text, vars, this.scopeFor(this.anyFile())),
    };
  }

  get content(): ModuleContent {
    return this.options.content;
  }

  private anyFile(): SourceFile | undefined {
    for (const declared of [...this.content.resources.values(), ...this.content.locals.values(), ...this.content.variables.values()]) return declared.file;
    return undefined;
  }

  scopeFor(file: SourceFile | undefined): Scope {
    if (!file) return { resolver: this, file: EMPTY_FILE };
    let scope = this.fileScopes.get(file);
    if (!scope) {
      scope = { resolver: this, file };
      this.fileScopes.set(file, scope);
    }
    return scope;
  }

  resolve(expr: TraversalExpr, _scope: Scope): { value: EvalValue; consumed: number } | undefined {
    const steps = expr.steps;
    const first = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    switch (expr.root) {
      case 'var':
        if (first === undefined) return { value: unknown('var without a name'), consumed: 0 };
        return { value: this.variable(first), consumed: 1 };
      case 'local':
        if (first === undefined) return { value: unknown('local without a name'), consumed: 0 };
        return { value: this.local(first), consumed: 1 };
      case 'path': {
        if (first === 'module') return { value: str(this.pathModule()), consumed: 1 };
        if (first === 'root' || first === 'cwd') return { value: str('.'), consumed: 1 };
        return { value: unknown(`path.${first ?? ''}`), consumed: 1 };
      }
      case 'terraform':
        if (first === 'workspace') return { value: str('default'), consumed: 1 };
        return { value: unknown(`terraform.${first ?? ''}`), consumed: 1 };
      case 'count':
      case 'each':
        // Outside an expanded block (bindings would have it).
        return { value: unknown(`${expr.root} is not available here`), consumed: 0 };
      case 'self':
        return { value: unknown('self is known only at apply'), consumed: 0 };
      case 'module': {
        if (first === undefined) return { value: unknown('module without a name'), consumed: 0 };
        return this.resolveModule(first, expr);
      }
      case 'resource': {
        // `resource.aws_s3_bucket.b`: the explicit form of a managed resource reference.
        const second = steps[1]?.kind === 'attr' ? steps[1].name : undefined;
        if (first === undefined || second === undefined) return { value: failure('incomplete resource reference'), consumed: 0 };
        const key = `${first}.${second}`;
        if (!this.content.resources.has(key)) return { value: failure(`undeclared resource ${this.options.configPrefix}${key}`), consumed: 2 };
        return { value: this.resourceValue(key), consumed: 2 };
      }
      case 'ephemeral': {
        // Ephemeral resources exist only during a run: never known to static analysis.
        const second = steps[1]?.kind === 'attr' ? steps[1].name : undefined;
        const address = `${this.options.configPrefix}ephemeral.${first ?? ''}.${second ?? ''}`;
        return { value: unknown(`ephemeral ${address}`, { references: [{ address, attribute: [] }] }), consumed: 2 };
      }
      case 'data': {
        const second = steps[1]?.kind === 'attr' ? steps[1].name : undefined;
        if (first === undefined || second === undefined) return { value: unknown('incomplete data reference'), consumed: 0 };
        return { value: this.resourceValue(`data.${first}.${second}`), consumed: 2 };
      }
      default: {
        if (first === undefined) return undefined;
        const key = `${expr.root}.${first}`;
        if (!this.content.resources.has(key)) return { value: failure(`undeclared resource ${this.options.configPrefix}${key}`), consumed: 1 };
        return { value: this.resourceValue(key), consumed: 1 };
      }
    }
  }

  private pathModule(): string {
    const { rootDir, content } = this.options;
    if (content.dir === rootDir) return '.';
    if (rootDir === '.') return content.dir;
    if (content.dir.startsWith(`${rootDir}/`)) return content.dir.slice(rootDir.length + 1);
    const up = rootDir.split('/').length;
    return `${'../'.repeat(up)}${content.dir}`;
  }

  /**
   * Computes a named value once. A value that needs itself gets `onCycle('cycle')`; a chain of
   * references deeper than the stack allows gets `onCycle('depth')` (not cached: from a shallower
   * start it may still be computed).
   */
  private memo<T>(cache: Map<string, T | typeof PENDING>, key: string, compute: () => T, onCycle: (why: 'cycle' | 'depth') => T): T {
    const cached = cache.get(key);
    if (cached === PENDING) return onCycle('cycle');
    if (cached !== undefined) return cached;
    if (activeLookups >= MAX_LOOKUP_DEPTH) return onCycle('depth');
    cache.set(key, PENDING);
    activeLookups++;
    let result: T;
    try {
      result = compute();
    } catch (error) {
      cache.delete(key);
      throw error;
    } finally {
      activeLookups--;
    }
    cache.set(key, result);
    return result;
  }

  variable(name: string): EvalValue {
    return this.memo(
      this.variables,
      name,
      () => {
        const declared = this.content.variables.get(name);
        if (!declared) return failure(`undeclared variable var.${name}`);
        const block = declared.node;
        const scope = this.scopeFor(declared.file);
        const typeAttribute = attributeOf(block.body, 'type');
        const type = typeAttribute ? parseTypeConstraint(typeAttribute.expr) : undefined;
        let value = this.options.input(name);
        // A null input keeps null unless the variable says `nullable = false` (Terraform then uses the default).
        const nullableAttribute = attributeOf(block.body, 'nullable');
        const nullable = !(nullableAttribute?.expr.kind === 'literal' && nullableAttribute.expr.value === false);
        if (value === undefined || (value.kind === 'null' && !nullable)) {
          const defaultAttribute = attributeOf(block.body, 'default');
          if (defaultAttribute) {
            const source: ValueSource = { description: `variable "${name}" default`, file: declared.file, start: defaultAttribute.span.start, end: defaultAttribute.span.end };
            value = withSource(evaluate(defaultAttribute.expr, scope), source);
          } else if (value === undefined) {
            return unknown(`var.${name} has no value`);
          }
        }
        if (!type) return value;
        return convertToType(value, type, (expr: Expression) => evaluate(expr, scope));
      },
      (why) => failure(why === 'cycle' ? `var.${name} depends on itself` : `var.${name}: references nested too deeply`),
    );
  }

  local(name: string): EvalValue {
    return this.memo(
      this.localValues,
      name,
      () => {
        const declared = this.content.locals.get(name);
        if (!declared) return failure(`undeclared local.${name}`);
        const attribute = declared.node;
        const value = evaluate(attribute.expr, this.scopeFor(declared.file));
        if (value.kind === 'unknown') return value;
        return { ...value, setBy: [...(value.setBy ?? []), { description: `local.${name}`, file: declared.file, start: attribute.span.start, end: attribute.span.end }] };
      },
      (why) => failure(why === 'cycle' ? `local.${name} depends on itself` : `local.${name}: references nested too deeply`),
    );
  }

  /** How a block with count / for_each expands. */
  expand(block: Block, scope: Scope): Expansion {
    const countAttribute = attributeOf(block.body, 'count');
    const eachAttribute = attributeOf(block.body, 'for_each');
    if (countAttribute) {
      const value = evaluate(countAttribute.expr, scope);
      if (value.kind === 'unknown') return { kind: 'unknown', reason: `count: ${value.reason}` };
      const n = toNumberValue(value);
      if (n === undefined || !Number.isInteger(n) || n < 0) return { kind: 'unknown', reason: `count is not a whole number` };
      return { kind: 'count', count: n };
    }
    if (eachAttribute) {
      const value = evaluate(eachAttribute.expr, scope);
      if (value.kind === 'unknown') return { kind: 'unknown', reason: `for_each: ${value.reason}` };
      if (value.kind === 'object') {
        const keys = [...value.entries.keys()].sort();
        return { kind: 'each', entries: keys.map((key) => [key, value.entries.get(key) as EvalValue] as const) };
      }
      if (value.kind === 'list') {
        const entries: [string, EvalValue][] = [];
        for (const item of value.items) {
          const text = toStringValue(item);
          if (text === undefined) return { kind: 'unknown', reason: 'for_each set element is not a known string' };
          if (!entries.some(([key]) => key === text)) entries.push([text, item]);
        }
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return { kind: 'each', entries };
      }
      if (value.kind === 'null') return { kind: 'unknown', reason: 'for_each is null' };
      return { kind: 'unknown', reason: `for_each over a ${value.kind}` };
    }
    return { kind: 'single' };
  }

  /** Scopes of the instances of an expansion: count.index / each.key / each.value bound. */
  instanceScopes(expansion: Expansion, scope: Scope): { key: string | number | undefined; scope: Scope }[] {
    switch (expansion.kind) {
      case 'single':
        return [{ key: undefined, scope }];
      case 'count': {
        const out: { key: number; scope: Scope }[] = [];
        for (let i = 0; i < expansion.count; i++) {
          if (!this.options.host.admit()) break;
          out.push({ key: i, scope: withBindings(scope, new Map([['count', object([['index', num(i)]])]])) });
        }
        return out;
      }
      case 'each': {
        const out: { key: string; scope: Scope }[] = [];
        for (const [key, value] of expansion.entries) {
          if (!this.options.host.admit()) break;
          out.push({ key, scope: withBindings(scope, new Map([['each', object([['key', str(key)], ['value', value]])]])) });
        }
        return out;
      }
      case 'unknown': {
        // Terraform could not plan this; one instance keeps the configuration visible to rules.
        const reason = expansion.reason;
        const bindings = new Map<string, EvalValue>([
          ['count', object([['index', unknown(reason, { type: 'number' })]])],
          ['each', object([['key', unknown(reason, { type: 'string' })], ['value', unknown(reason)]])],
        ]);
        return [{ key: undefined, scope: withBindings(scope, bindings) }];
      }
    }
  }

  instancesOf(localAddress: string): readonly ResourceInstance[] {
    return this.memo(
      this.resourceInstances,
      localAddress,
      () => {
        const decl = this.content.resources.get(localAddress);
        if (!decl) return [];
        const scope = this.scopeFor(decl.file);
        const expansion = this.expand(decl.block, scope);
        const address = this.options.configPrefix + localAddress;
        return this.instanceScopes(expansion, scope).map(({ key, scope: inner }) => {
          const body = this.evaluateBody(decl.block.body, inner, '', true);
          registerResourceObject(body.value, { address, ...(key !== undefined ? { key } : {}), path: [] });
          return { decl, key, body, expansion: expansion.kind };
        });
      },
      () => [],
    );
  }

  private referenceObject(instance: ResourceInstance, address: string): ObjectValue {
    const value = withComputedAttributes(instance.decl.mode, instance.decl.type, instance.body.value);
    if (value !== instance.body.value) RESOURCE_OBJECTS.set(value, { address, ...(instance.key !== undefined ? { key: instance.key } : {}), path: [] });
    return value;
  }

  /** The value of a resource reference without instance key: one object, a tuple (count) or a map (for_each). */
  private resourceValue(localAddress: string): EvalValue {
    const address = this.options.configPrefix + localAddress;
    const decl = this.content.resources.get(localAddress);
    if (!decl) return unknown(`undeclared ${address}`);
    if (this.resourceInstances.get(localAddress) === PENDING) return unknown(`${address} refers to itself`, { references: [{ address, attribute: [] }] });
    const instances = this.instancesOf(localAddress);
    const kind = instances[0]?.expansion ?? this.expand(decl.block, this.scopeFor(decl.file)).kind;
    switch (kind) {
      case 'single':
        return instances[0] ? this.referenceObject(instances[0], address) : unknown(`computed ${address}`, { references: [{ address, attribute: [] }] });
      case 'count':
        return list(instances.map((instance) => this.referenceObject(instance, address)));
      case 'each':
        return object(instances.map((instance) => [String(instance.key), this.referenceObject(instance, address)]), 'map');
      default:
        return unknown(`instances of ${address} are not known`, { references: [{ address, attribute: [] }] });
    }
  }

  /** Evaluates a block body: attributes by name, blocks (and dynamic blocks) as lists by type. */
  evaluateBody(body: Body, scope: Scope, pointer: string, top: boolean): EvaluatedBody {
    const spans = new Map<string, NodeSpan>();
    const entries = new Map<string, EvalValue>();
    const blocks = new Map<string, EvalValue[]>();
    const add: AddBlock = (type, value, block, typeSpan, inner, innerPointerBase) => {
      let group = blocks.get(type);
      if (!group) {
        group = [];
        blocks.set(type, group);
      }
      const elementPointer = `${pointer}${pointerOf([type, group.length])}`;
      group.push(value);
      spans.set(elementPointer, { start: block.start, end: block.end, keyStart: typeSpan.start, keyEnd: typeSpan.end });
      // Inner spans were recorded under a provisional pointer; move them under the element's.
      if (inner) for (const [key, span] of inner) spans.set(elementPointer + key.slice(innerPointerBase.length), span);
    };
    for (const attribute of body.attributes) {
      // In JSON syntax, lifecycle / provisioner blocks arrive as attributes.
      if (top && (META_ARGUMENTS.has(attribute.name) || (body.fromJson === true && META_BLOCKS.has(attribute.name)))) continue;
      if (body.fromJson === true && attribute.name === 'dynamic' && attribute.expr.kind === 'object') {
        this.expandJsonDynamic(attribute.expr, scope, add);
        continue;
      }
      entries.set(attribute.name, evaluate(attribute.expr, scope));
      spans.set(`${pointer}${pointerOf([attribute.name])}`, { start: attribute.expr.span.start, end: attribute.expr.span.end, keyStart: attribute.nameSpan.start, keyEnd: attribute.nameSpan.end });
    }
    for (const block of body.blocks) {
      if (top && META_BLOCKS.has(block.type)) continue;
      if (block.type === 'dynamic') {
        this.expandDynamic(block, scope, add);
        continue;
      }
      const inner = this.evaluateBody(block.body, scope, '', false);
      add(block.type, inner.value, block.span, block.typeSpan, inner.spans, '');
    }
    for (const [type, group] of blocks) {
      if (entries.has(type)) continue;
      const value = list(group, 'list');
      BLOCK_LISTS.add(value);
      entries.set(type, value);
    }
    return { value: object(entries, 'object', { origin: { file: scope.file, span: body.span } }), spans };
  }

  private expandDynamic(block: Block, scope: Scope, add: AddBlock): void {
    const type = block.labels[0]?.value;
    const content = block.body.blocks.find((candidate) => candidate.type === 'content');
    if (type === undefined || !content) return;
    const iteratorAttribute = attributeOf(block.body, 'iterator');
    const iteratorName = iteratorAttribute && iteratorAttribute.expr.kind === 'traversal' ? iteratorAttribute.expr.root : type;
    const eachAttribute = attributeOf(block.body, 'for_each');
    const collection = eachAttribute ? evaluate(eachAttribute.expr, scope) : unknown('dynamic block without for_each');
    const labelSpan = block.labels[0]?.span ?? block.typeSpan;
    // Unknown for_each: one block whose iterator is unknown, so the content stays visible.
    for (const iterator of dynamicIterators(collection)) {
      const inner = this.evaluateBody(content.body, withBindings(scope, new Map([[iteratorName, iterator]])), '', false);
      add(type, inner.value, block.span, labelSpan, inner.spans, '');
    }
  }

  /** `"dynamic": { "type": { "for_each": …, "iterator": "x", "content": { … } } }` in JSON syntax; content is evaluated as an object. */
  private expandJsonDynamic(spec: ObjectExpr, scope: Scope, add: AddBlock): void {
    for (const item of spec.items) {
      const type = item.nameKey ?? toStringValue(evaluate(item.key, scope));
      if (type === undefined || item.value.kind !== 'object') continue;
      const field = (name: string): Expression | undefined => (item.value as ObjectExpr).items.find((entry) => (entry.nameKey ?? (entry.key.kind === 'template' && entry.key.parts[0]?.kind === 'text' ? entry.key.parts[0].value : undefined)) === name)?.value;
      const content = field('content');
      if (!content) continue;
      const iteratorExpr = field('iterator');
      const iteratorValue = iteratorExpr ? evaluate(iteratorExpr, scope) : undefined;
      const iteratorName = iteratorValue?.kind === 'string' ? iteratorValue.value : type;
      const eachExpr = field('for_each');
      const collection = eachExpr ? evaluate(eachExpr, scope) : unknown('dynamic block without for_each');
      for (const iterator of dynamicIterators(collection)) {
        const value = evaluate(content, withBindings(scope, new Map([[iteratorName, iterator]])));
        add(type, value, item.span, item.key.span, undefined, '');
      }
    }
  }

  /** The instances of a module call, evaluated once. */
  children(name: string): { expansion: Expansion; children: ReadonlyMap<string | number, ModuleInstance | EvalValue> } | undefined {
    const call = this.content.modules.get(name);
    if (!call) return undefined;
    return this.memo(
      this.childModules,
      name,
      () => {
        const scope = this.scopeFor(call.file);
        const expansion = this.expand(call.node, scope);
        const children = new Map<string | number, ModuleInstance | EvalValue>();
        for (const { key, scope: inner } of this.instanceScopes(expansion, scope)) {
          children.set(key ?? '', this.options.host.instantiateChild(this, name, call, key, inner));
        }
        return { expansion, children };
      },
      (why) => ({ expansion: { kind: 'unknown', reason: why === 'cycle' ? `module.${name} depends on itself` : `module.${name}: references nested too deeply` }, children: new Map() }),
    );
  }

  private resolveModule(name: string, expr: TraversalExpr): { value: EvalValue; consumed: number } {
    const address = `${this.options.configPrefix}module.${name}`;
    if (!this.content.modules.has(name)) return { value: unknown(`undeclared ${address}`), consumed: 1 };
    if (this.childModules.get(name) === PENDING) return { value: unknown(`${address} depends on itself`, { references: [{ address, attribute: [] }] }), consumed: 1 };
    const calls = this.children(name);
    if (!calls) return { value: unknown(`undeclared ${address}`), consumed: 1 };
    const outputOf = (child: ModuleInstance | EvalValue, key: string | number | undefined, output: string): EvalValue => {
      const reference = { address, ...(key !== undefined ? { key } : {}), attribute: [output] };
      if (!(child instanceof ModuleInstance)) return unknown(child.kind === 'unknown' ? `${child.reason}: ${address}.${output}` : `${address}.${output}`, { references: [reference] });
      const value = child.output(output);
      return { ...value, references: [...(value.references ?? []), reference] };
    };
    const allOutputs = (child: ModuleInstance | EvalValue, key: string | number | undefined): EvalValue => {
      if (!(child instanceof ModuleInstance)) return unknown(child.kind === 'unknown' ? child.reason : `outputs of ${address}`, { references: [{ address, ...(key !== undefined ? { key } : {}), attribute: [] }] });
      return object([...child.content.outputs.keys()].map((output) => [output, outputOf(child, key, output)]));
    };
    const { expansion, children } = calls;
    const step = expr.steps[1];
    if (expansion.kind === 'single') {
      const child = children.get('') as ModuleInstance | EvalValue;
      if (step && step.kind === 'attr') return { value: outputOf(child, undefined, step.name), consumed: 2 };
      return { value: allOutputs(child, undefined), consumed: 1 };
    }
    if (expansion.kind === 'unknown') return { value: unknown(`instances of ${address} are not known`, { references: [{ address, attribute: [] }] }), consumed: 1 };
    if (expansion.kind === 'count') return { value: list([...children].map(([key, child]) => allOutputs(child, key))), consumed: 1 };
    return { value: object([...children].map(([key, child]) => [String(key), allOutputs(child, key)]), 'map'), consumed: 1 };
  }

  output(name: string): EvalValue {
    return this.memo(
      this.outputValues,
      name,
      () => {
        const declared = this.content.outputs.get(name);
        if (!declared) return failure(`undeclared output ${name}`);
        const valueAttribute = attributeOf(declared.node.body, 'value');
        return valueAttribute ? evaluate(valueAttribute.expr, this.scopeFor(declared.file)) : NULL;
      },
      (why) => failure(why === 'cycle' ? `output ${name} depends on itself` : `output ${name}: references nested too deeply`),
    );
  }
}

type AddBlock = (type: string, value: EvalValue, blockSpan: TextSpan, typeSpan: TextSpan, inner: Map<string, NodeSpan> | undefined, innerPointerBase: string) => void;

/** The iterator objects of a dynamic block: one per element, or one with unknown key / value when the collection is not known. */
function dynamicIterators(collection: EvalValue): ObjectValue[] {
  const pairs = iterate(collection);
  if (pairs) return pairs.map(([key, value]) => object([['key', key], ['value', value]]));
  if (collection.kind === 'null') return [];
  const reason = collection.kind === 'unknown' ? collection.reason : `dynamic for_each over a ${collection.kind}`;
  return [object([['key', unknown(reason)], ['value', unknown(reason, collection.references ? { references: collection.references } : {})]])];
}

// Lists made of nested blocks: their objects have computed attributes of their own.
const BLOCK_LISTS = new WeakSet<EvalValue>();

/** Registers a resource object and its nested block objects, so that a missing attribute reads as computed. */
function registerResourceObject(value: ObjectValue, info: ResourceObjectInfo): void {
  RESOURCE_OBJECTS.set(value, info);
  for (const [name, entry] of value.entries) {
    if (entry.kind !== 'list' || !BLOCK_LISTS.has(entry)) continue;
    entry.items.forEach((item, i) => {
      if (item.kind === 'object') registerResourceObject(item, { ...info, path: [...info.path, name, i] });
    });
  }
}

/** A value set by a source outside the resource: recorded on the value and everything inside it. */
export function withSource(value: EvalValue, source: ValueSource): EvalValue {
  const setBy = [...(value.setBy ?? []), source];
  switch (value.kind) {
    case 'list':
      return { ...value, setBy, items: value.items.map((item) => withSource(item, source)) };
    case 'object': {
      const entries = new Map<string, EvalValue>();
      for (const [key, entry] of value.entries) entries.set(key, withSource(entry, source));
      return { ...value, setBy, entries };
    }
    default:
      return { ...value, setBy };
  }
}

const EMPTY_FILE = new SourceFile('<none>', '');
