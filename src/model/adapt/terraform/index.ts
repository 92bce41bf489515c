// Terraform configuration → TerraformModel: modules found by directory, evaluated from each root
// module with variables, locals, count / for_each, dynamic blocks and module calls expanded.
import type { Body } from '../../../parse/terraform/ast.js';
import { parseHcl } from '../../../parse/terraform/parse-hcl.js';
import { parseTerraformJson } from '../../../parse/terraform/parse-terraform-json.js';
import { parseVariableFile } from '../../../parse/terraform/parse-tfvars.js';
import type { ValueSource } from '../../../parse/kubernetes/types.js';
import { SourceFile } from '../../../source/source-file.js';
import { buildTerraformModel } from '../../terraform.js';
import type { TerraformModel, TerraformNotice, TfResource } from '../../terraform.js';
import { Node } from '../../value.js';
import { withComputedAttributes } from './data-sources.js';
import { str, unknown } from './eval-value.js';
import type { EvalValue, ObjectValue } from './eval-value.js';
import { evaluate, keySuffix, toStringValue, withBindings } from './evaluate.js';
import type { RootResolver, Scope } from './evaluate.js';
import { lowerBody } from './lower.js';
import { ModuleInstance, attributeOf, collectContent, withSource } from './module.js';
import type { LoadedFile, ModuleContent, ModuleHost, ResourceDecl } from './module.js';
import { joinRelative, normalizeRelative } from './reader.js';
import type { TerraformFileReader } from './reader.js';

export type { TerraformFileReader } from './reader.js';
export { createFileSystemReader, createMemoryReader } from './reader.js';
export { DATA_SOURCE_RENDERERS } from './data-sources.js';
export type { DataSourceRenderer } from './data-sources.js';

/** A parsed configuration or variables file; `body` undefined when it did not parse. */
export interface TerraformSourceFile {
  readonly file: SourceFile;
  readonly body: Body | undefined;
  /**
   * The file's path relative to the scan root, when `file.path` (what reports show) is not: a scan
   * of `../infra` shows `../infra/main.tf` but resolves modules inside `../infra`.
   */
  readonly path?: string;
}

export interface TerraformInput {
  /**
   * The Terraform files of the scanned tree (`.tf`, `.tf.json`, and `.tfvars` / `.tfvars.json`
   * files, which are used as variables files of the root module of their directory when named
   * `terraform.tfvars(.json)` or `*.auto.tfvars(.json)`). `file.path` is relative to the scan root.
   */
  readonly files: readonly TerraformSourceFile[];
  /** `--var-file`s in command-line order. */
  readonly varFiles?: readonly TerraformSourceFile[];
  /** `--var name=value` in command-line order. */
  readonly vars?: readonly { readonly name: string; readonly value: string }[];
  /** Access to files outside `files` (modules not scanned, modules.json, file()); none when absent. */
  readonly reader?: TerraformFileReader;
  readonly limits?: { readonly maxDepth?: number; readonly maxInstances?: number };
}

export interface TerraformAdaptResult {
  readonly model: TerraformModel;
  /** Root module directories, sorted. */
  readonly roots: readonly string[];
  /** Root module outputs by root directory. */
  readonly outputs: ReadonlyMap<string, ReadonlyMap<string, EvalValue>>;
  /** Root module variable values by root directory. */
  readonly variables: ReadonlyMap<string, ReadonlyMap<string, EvalValue>>;
  /** Number of module instances evaluated (roots included). */
  readonly moduleInstances: number;
}

const DEFAULT_MAX_DEPTH = 16;
const DEFAULT_MAX_INSTANCES = 20_000;

/** Evaluates a Terraform configuration into the model. Never throws on user input. */
export function adaptTerraform(input: TerraformInput): TerraformModel {
  return evaluateTerraform(input).model;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isConfigName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

function isAutoVarsName(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}

function localSource(body: Body): string | undefined {
  const source = attributeOf(body, 'source');
  if (!source || source.expr.kind !== 'template') return undefined;
  const [part] = source.expr.parts;
  if (source.expr.parts.length !== 1 || !part || part.kind !== 'text') return undefined;
  return part.value.startsWith('./') || part.value.startsWith('../') ? part.value : undefined;
}

/** The full evaluation, with what the model itself does not hold. */
export function evaluateTerraform(input: TerraformInput): TerraformAdaptResult {
  const notices: TerraformNotice[] = [];
  const resources: TfResource[] = [];
  const maxDepth = input.limits?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxInstances = input.limits?.maxInstances ?? DEFAULT_MAX_INSTANCES;
  const reader = input.reader;

  const configByDir = new Map<string, LoadedFile[]>();
  const varsFilesByDir = new Map<string, LoadedFile[]>();
  for (const { file, body, path = file.path } of input.files) {
    if (!body) continue;
    const name = baseName(path);
    const dir = dirOf(normalizeRelative(path) ?? path);
    const target = isConfigName(name) ? configByDir : isAutoVarsName(name) ? varsFilesByDir : undefined;
    if (!target) continue;
    const group = target.get(dir);
    if (group) group.push({ path, file, body });
    else target.set(dir, [{ path, file, body }]);
  }

  const parseRead = (path: string): LoadedFile | undefined => {
    const text = reader?.readFile(path);
    if (text === undefined) return undefined;
    const file = new SourceFile(reader?.displayPath?.(path) ?? path, text);
    const body = (path.endsWith('.tf.json') ? parseTerraformJson(file) : path.endsWith('.tf') ? parseHcl(file) : parseVariableFile(file)).body;
    if (!body) notice('parse-error', `${path} does not parse: it is left out of its module`, file, 0, 0);
    return body ? { path, file, body } : undefined;
  };

  const contentCache = new Map<string, ModuleContent | undefined>();
  const loadContent = (dir: string): ModuleContent | undefined => {
    if (contentCache.has(dir)) return contentCache.get(dir);
    let files = configByDir.get(dir);
    if (!files && reader) {
      const names = reader.listDirectory(dir) ?? [];
      files = names.filter(isConfigName).flatMap((name) => parseRead(joinRelative(dir, name) ?? name) ?? []);
      if (files.length === 0) files = undefined;
    }
    const content = files ? collectContent(dir, files) : undefined;
    contentCache.set(dir, content);
    return content;
  };

  let instanceCount = 0;
  let limitReported = false;
  let moduleInstances = 0;
  let currentRoot: { dir: string; file: SourceFile } | undefined;
  const reported = new Set<string>();

  const notice = (code: string, message: string, file: SourceFile, start: number, end: number): void => {
    const key = `${code}|${file.path}|${start}|${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    notices.push({ code, message, file, start, end });
  };

  const admit = (): boolean => {
    if (instanceCount >= maxInstances) {
      if (!limitReported && currentRoot) notice('eval-limit', `more than ${maxInstances} instances: the rest of the configuration is not expanded`, currentRoot.file, 0, 0);
      limitReported = true;
      return false;
    }
    instanceCount++;
    return true;
  };

  const manifests = new Map<string, ReadonlyMap<string, string>>();
  const manifestOf = (rootDir: string): ReadonlyMap<string, string> => {
    let manifest = manifests.get(rootDir);
    if (manifest) return manifest;
    const entries = new Map<string, string>();
    const text = reader?.readFile(joinRelative(rootDir, '.terraform/modules/modules.json') ?? '');
    if (text !== undefined) {
      try {
        const parsed = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
        for (const entry of parsed.Modules ?? []) {
          if (typeof entry.Key === 'string' && typeof entry.Dir === 'string') {
            const dir = joinRelative(rootDir, entry.Dir);
            if (dir !== undefined) entries.set(entry.Key, dir);
          }
        }
      } catch {
        // A broken manifest is the same as none: the calls are reported as not expanded.
      }
    }
    manifest = entries;
    manifests.set(rootDir, manifest);
    return manifest;
  };

  const renderTemplate = (text: string, vars: ObjectValue, scope: Scope): EvalValue => {
    let marker = 'IGTEMPLATE';
    while (text.includes(marker)) marker += 'X';
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const file = new SourceFile(scope.file.path, `t = <<${marker}\n${body}${marker}\n`);
    const parsed = parseHcl(file);
    const attribute = parsed.body?.attributes[0];
    if (!attribute) return unknown(`templatefile(): ${parsed.errors[0]?.message ?? 'template does not parse'}`, { type: 'string' });
    // A template sees only its variables (and functions), not the module's names.
    const resolver: RootResolver = { resolve: () => undefined, functions: scope.resolver.functions };
    const value = evaluate(attribute.expr, withBindings({ resolver, file }, vars.entries));
    if (value.kind === 'string' && body !== text) return { ...value, value: value.value.slice(0, -1), origin: undefined } as EvalValue;
    return value.kind === 'unknown' ? value : { ...value, origin: undefined };
  };

  const host: ModuleHost = {
    notice,
    admit,
    readFile: (path) => {
      if (!currentRoot) return undefined;
      const target = joinRelative(currentRoot.dir, path);
      return target === undefined ? undefined : reader?.readFile(target);
    },
    renderTemplate,
    instantiateChild(parent, name, call, key, scope) {
      const block = call.node;
      const where = (code: string, message: string): EvalValue => {
        notice(code, message, call.file, block.span.start, (block.labels[0]?.span ?? block.typeSpan).end);
        return unknown(message);
      };
      const sourceValue = attributeOf(block.body, 'source');
      const source = sourceValue ? toStringValue(evaluate(sourceValue.expr, scope)) : undefined;
      const modulePath = [...parent.options.modulePath, name];
      const address = `${parent.options.instancePrefix}module.${name}${keySuffix(key)}`;
      // Notices name the call, not the instance: one notice per call however many instances.
      const callAddress = `${parent.options.configPrefix}module.${name}`;
      if (source === undefined) return where('module-not-expanded', `module.${name}: source is not a known string`);
      let dir: string | undefined;
      if (source.startsWith('./') || source.startsWith('../')) {
        dir = joinRelative(parent.content.dir, source);
        if (dir === undefined) return where('missing-file', `${callAddress}: module ${JSON.stringify(source)} is outside the scanned tree; its outputs are unknown`);
      } else dir = manifestOf(parent.options.rootDir).get(modulePath.join('.'));
      if (dir === undefined) return where('module-not-expanded', `${callAddress}: module ${JSON.stringify(source)} is not downloaded (no .terraform/modules/modules.json entry); its outputs are unknown`);
      if (parent.options.ancestry.includes(dir)) return where('module-cycle', `${callAddress}: module ${dir} calls itself through its callers`);
      if (parent.options.depth + 1 > maxDepth) return where('module-depth', `${callAddress}: modules nested deeper than ${maxDepth}`);
      const content = loadContent(dir);
      if (!content) return where('missing-file', `${callAddress}: no Terraform files in ${dir}`);
      if (!admit()) return unknown(`${address} not expanded: instance limit`);
      moduleInstances++;
      const inputs = new Map<string, EvalValue | undefined>();
      const child: ModuleInstance = new ModuleInstance({
        host,
        content,
        rootDir: parent.options.rootDir,
        modulePath,
        instancePrefix: `${address}.`,
        configPrefix: `${parent.options.configPrefix}module.${name}.`,
        depth: parent.options.depth + 1,
        ancestry: [...parent.options.ancestry, dir],
        input: (variable) => {
          if (inputs.has(variable)) return inputs.get(variable);
          const attribute = attributeOf(block.body, variable);
          const value = attribute ? evaluate(attribute.expr, scope) : undefined;
          inputs.set(variable, value);
          return value;
        },
      });
      return child;
    },
  };

  const emit = (instance: ModuleInstance): void => {
    for (const [localAddress, decl] of instance.content.resources) {
      try {
        emitResource(instance, localAddress, decl);
      } catch (error) {
        // A stack overflow or a bug on one resource must not cost the others.
        notice('eval-error', `${instance.options.configPrefix}${localAddress}: ${error instanceof Error ? error.message : String(error)}`, decl.file, decl.block.span.start, decl.block.span.end);
      }
    }
    for (const name of instance.content.modules.keys()) {
      let calls;
      try {
        calls = instance.children(name);
      } catch (error) {
        const call = instance.content.modules.get(name);
        if (call) notice('eval-error', `module.${name}: ${error instanceof Error ? error.message : String(error)}`, call.file, call.node.span.start, call.node.span.end);
        continue;
      }
      for (const child of calls?.children.values() ?? []) if (child instanceof ModuleInstance) emit(child);
    }
  };

  const emitResource = (instance: ModuleInstance, localAddress: string, decl: ResourceDecl): void => {
    const produced: TfResource[] = [];
    for (const resourceInstance of instance.instancesOf(localAddress)) {
      const configAddress = instance.options.configPrefix + localAddress;
      const address = instance.options.instancePrefix + localAddress + keySuffix(resourceInstance.key);
      // What a rule reads is what Terraform would store: a data source's computed attributes too.
      const value = withComputedAttributes(decl.mode, decl.type, resourceInstance.body.value);
      const doc = lowerBody({ value, spans: resourceInstance.body.spans }, { file: decl.file, start: decl.block.span.start, end: decl.block.span.end, index: 0 });
      produced.push({
        type: `tf:${decl.mode === 'data' ? 'data.' : ''}${decl.type}`,
        mode: decl.mode,
        resourceType: decl.type,
        name: decl.name,
        address,
        configAddress,
        key: resourceInstance.key,
        modulePath: instance.options.modulePath,
        file: decl.file,
        doc,
        root: Node.root(doc),
        source: 'configuration',
        rootDir: instance.options.rootDir,
      });
    }
    resources.push(...produced);
  };

  // Root modules: directories no other scanned directory calls as a local module.
  const dirs = [...configByDir.keys()].sort();
  const called = new Set<string>();
  const callees = new Map<string, string[]>();
  for (const dir of dirs) {
    const targets: string[] = [];
    for (const { body } of configByDir.get(dir) ?? []) {
      for (const block of body.blocks) {
        if (block.type !== 'module') continue;
        const source = localSource(block.body);
        const target = source === undefined ? undefined : joinRelative(dir, source);
        if (target !== undefined && target !== dir && configByDir.has(target)) {
          called.add(target);
          targets.push(target);
        }
      }
    }
    callees.set(dir, targets);
  }
  const roots = dirs.filter((dir) => !called.has(dir));
  // Directories only reachable through a cycle of local calls would be skipped: make the first a root.
  const reached = new Set<string>();
  const reach = (dir: string): void => {
    if (reached.has(dir)) return;
    reached.add(dir);
    for (const target of callees.get(dir) ?? []) reach(target);
  };
  roots.forEach(reach);
  for (const dir of dirs) {
    if (reached.has(dir)) continue;
    roots.push(dir);
    reach(dir);
  }
  roots.sort();

  const outputs = new Map<string, ReadonlyMap<string, EvalValue>>();
  const variables = new Map<string, ReadonlyMap<string, EvalValue>>();
  for (const rootDir of roots) {
    const content = loadContent(rootDir);
    const firstFile = configByDir.get(rootDir)?.[0]?.file;
    if (!content || !firstFile) continue;
    currentRoot = { dir: rootDir, file: firstFile };
    try {
      const values = rootVariableValues(rootDir, content);
      moduleInstances++;
      const root = new ModuleInstance({
        host,
        content,
        rootDir,
        modulePath: [],
        instancePrefix: '',
        configPrefix: '',
        depth: 0,
        ancestry: [rootDir],
        input: (name) => values.get(name),
      });
      emit(root);
      outputs.set(rootDir, new Map([...content.outputs.keys()].map((name) => [name, root.output(name)])));
      variables.set(rootDir, new Map([...content.variables.keys()].map((name) => [name, root.variable(name)])));
    } catch (error) {
      notice('eval-error', `module ${rootDir}: ${error instanceof Error ? error.message : String(error)}`, firstFile, 0, 0);
    }
  }

  function rootVariableValues(rootDir: string, content: ModuleContent): Map<string, EvalValue> {
    const values = new Map<string, EvalValue>();
    const files = new Map<string, LoadedFile>();
    for (const loaded of varsFilesByDir.get(rootDir) ?? []) files.set(baseName(loaded.path), loaded);
    for (const name of reader?.listDirectory(rootDir) ?? []) {
      if (!isAutoVarsName(name) || files.has(name)) continue;
      const loaded = parseRead(joinRelative(rootDir, name) ?? name);
      if (loaded) files.set(name, loaded);
    }
    const rank = (name: string): number => (name === 'terraform.tfvars' ? 0 : name === 'terraform.tfvars.json' ? 1 : 2);
    const ordered = [...files.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([, loaded]) => loaded);
    const varFiles: LoadedFile[] = [...ordered];
    for (const { file, body } of input.varFiles ?? []) if (body) varFiles.push({ path: file.path, file, body });
    const constantScope = (file: SourceFile): Scope => ({ resolver: { resolve: () => undefined, functions: { readFile: () => undefined, renderTemplate: () => unknown('templatefile() in a variables file') } }, file });
    for (const { file, body } of varFiles) {
      const scope = constantScope(file);
      for (const attribute of body.attributes) {
        const source: ValueSource = { description: `${file.path}:${file.positionAt(attribute.span.start).line}`, file, start: attribute.span.start, end: attribute.span.end };
        values.set(attribute.name, withSource(evaluate(attribute.expr, scope), source));
      }
    }
    for (const { name, value } of input.vars ?? []) {
      const declared = content.variables.get(name);
      const typeAttribute = declared ? attributeOf(declared.node.body, 'type') : undefined;
      const primitive = !typeAttribute || (typeAttribute.expr.kind === 'traversal' && ['string', 'number', 'bool'].includes(typeAttribute.expr.root));
      const source: ValueSource = { description: `--var ${name}` };
      if (primitive) {
        values.set(name, withSource(str(value), source));
        continue;
      }
      // A complex type takes an HCL expression on the command line.
      const file = new SourceFile(`--var ${name}`, `v = ${value}\n`);
      const attribute = parseHcl(file).body?.attributes[0];
      values.set(name, withSource(attribute ? evaluate(attribute.expr, constantScope(file)) : str(value), source));
    }
    return values;
  }

  return { model: buildTerraformModel(resources, notices), roots, outputs, variables, moduleInstances };
}
