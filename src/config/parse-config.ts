import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../parse/kubernetes/full-yaml.js';

// The `yaml` package is loaded when a config file is read, not at start-up.
const isAlias = ((node) => yaml().isAlias(node)) as typeof Yaml.isAlias;
const isMap = ((node) => yaml().isMap(node)) as typeof Yaml.isMap;
const isScalar = ((node) => yaml().isScalar(node)) as typeof Yaml.isScalar;
const isSeq = ((node) => yaml().isSeq(node)) as typeof Yaml.isSeq;
import { SEVERITIES, type Severity } from '../findings/finding.js';
import { ConfigError, pointerSegment } from './config-error.js';
import { LINES, parseByteSize, suggest, type LoadedConfig, type RuleSetting } from './load-config.js';

const TOP_LEVEL_KEYS = ['rules', 'failOn', 'exclude', 'include', 'maxFileSize', 'strict'] as const;
const RULE_KEYS = ['severity', 'enabled', 'options'] as const;
const RULE_ID = /^IG-[A-Z0-9]+-\d{3}$/;
const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses and validates config text; `file` names the source in errors. Exported for tests and `--config -` style use. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const pointer = error.code === 'DUPLICATE_KEY' ? pointerAt(doc, error.pos[0]) : '';
    throw new ConfigError(`YAML syntax error (column ${col}): ${error.message.split('\n')[0]}`, { file, pointer, line });
  }
  return new Validator(doc, file, lineCounter).run();
}

class Validator {
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly doc: Document,
    private readonly file: string,
    private readonly lineCounter: LineCounter,
  ) {}

  run(): LoadedConfig {
    const root = this.resolve(this.doc.contents as Node | null);
    const config: { -readonly [K in keyof LoadedConfig]: LoadedConfig[K] } = { path: this.file, rules: new Map(), exclude: [], include: [] };
    if (root === null || (isScalar(root) && root.value === null)) return this.done(config);
    if (!isMap(root)) this.fail('', root, 'expected a mapping of settings (rules, failOn, exclude, include, maxFileSize, strict)');
    for (const pair of root.items) {
      const key = this.keyOf(pair.key as Node, '', TOP_LEVEL_KEYS);
      const pointer = `/${pointerSegment(key)}`;
      const value = this.resolve(pair.value as Node | null);
      this.remember(pointer, pair.key as Node);
      switch (key as (typeof TOP_LEVEL_KEYS)[number]) {
        case 'rules':
          config.rules = this.rules(value, pointer);
          break;
        case 'failOn':
          config.failOn = this.oneOf(value, pointer, [...SEVERITIES, 'none'] as const);
          break;
        case 'exclude':
          config.exclude = this.globs(value, pointer);
          break;
        case 'include':
          config.include = this.globs(value, pointer);
          break;
        case 'maxFileSize':
          config.maxFileBytes = this.byteSize(value, pointer);
          break;
        case 'strict':
          config.strict = this.boolean(value, pointer);
          break;
      }
    }
    return this.done(config);
  }

  private done(config: LoadedConfig): LoadedConfig {
    LINES.set(config, this.lines);
    return config;
  }

  private rules(node: Node | null, pointer: string): Map<string, RuleSetting> {
    const rules = new Map<string, RuleSetting>();
    if (node === null || (isScalar(node) && node.value === null)) return rules;
    if (!isMap(node)) this.fail(pointer, node, 'expected a mapping from rule id or name to a setting');
    for (const pair of node.items) {
      const key = this.keyOf(pair.key as Node, pointer);
      const rulePointer = `${pointer}/${pointerSegment(key)}`;
      this.remember(rulePointer, pair.key as Node);
      if (!RULE_ID.test(key) && !RULE_NAME.test(key)) {
        this.fail(rulePointer, pair.key as Node, `"${key}" is not a rule id (IG-K8S-101) or rule name (privileged-container)`);
      }
      rules.set(key, this.ruleSetting(this.resolve(pair.value as Node | null), rulePointer));
    }
    return rules;
  }

  private ruleSetting(node: Node | null, pointer: string): RuleSetting {
    const expected = 'expected on, off or a mapping { severity, enabled, options }';
    if (isScalar(node)) {
      // YAML 1.2 reads on/off as strings; true/false are accepted too.
      if (node.value === 'on' || node.value === true) return { enabled: true };
      if (node.value === 'off' || node.value === false) return { enabled: false };
      if (typeof node.value === 'string' && (SEVERITIES as readonly string[]).includes(node.value)) {
        this.fail(pointer, node, `${expected}; to change the severity write { severity: ${node.value} }`);
      }
      this.fail(pointer, node, expected);
    }
    if (!isMap(node)) this.fail(pointer, node, expected);
    const setting: { enabled?: boolean; severity?: Severity; options?: Map<string, unknown> } = {};
    for (const pair of node.items) {
      const key = this.keyOf(pair.key as Node, pointer, RULE_KEYS);
      const keyPointer = `${pointer}/${key}`;
      const value = this.resolve(pair.value as Node | null);
      this.remember(keyPointer, pair.key as Node);
      if (key === 'severity') setting.severity = this.oneOf(value, keyPointer, SEVERITIES);
      else if (key === 'options') setting.options = this.options(value, keyPointer);
      else if (isScalar(value) && typeof value.value === 'boolean') setting.enabled = value.value;
      else this.fail(keyPointer, value, 'expected true or false');
    }
    return setting;
  }

  /**
   * `options:` of a rule, as plain values: their types are checked against the rule's declared
   * options once the rules are known (validateRuleOptions), with the lines remembered here.
   */
  private options(node: Node | null, pointer: string): Map<string, unknown> {
    if (!isMap(node)) this.fail(pointer, node, 'expected a mapping from option name to value, e.g. { allowedRegistries: [registry.corp.example/mirror] }');
    const options = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = this.keyOf(pair.key as Node, pointer);
      const optionPointer = `${pointer}/${pointerSegment(key)}`;
      this.remember(optionPointer, pair.key as Node);
      options.set(key, this.plain(this.resolve(pair.value as Node | null), optionPointer));
    }
    return options;
  }

  /** A YAML value as plain data, remembering the line of each list item and mapping key below it. */
  private plain(node: Node | null, pointer: string): unknown {
    if (node === null) return null;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const resolved = this.resolve(item as Node | null);
        this.remember(`${pointer}/${index}`, resolved);
        return this.plain(resolved, `${pointer}/${index}`);
      });
    }
    if (isMap(node)) {
      const entries: Array<[string, unknown]> = [];
      for (const pair of node.items) {
        const key = this.keyOf(pair.key as Node, pointer);
        this.remember(`${pointer}/${pointerSegment(key)}`, pair.key as Node);
        entries.push([key, this.plain(this.resolve(pair.value as Node | null), `${pointer}/${pointerSegment(key)}`)]);
      }
      return Object.fromEntries(entries);
    }
    return null;
  }

  private boolean(node: Node | null, pointer: string): boolean {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.fail(pointer, node, 'expected true or false');
  }

  private oneOf<T extends string>(node: Node | null, pointer: string, allowed: readonly T[]): T {
    if (isScalar(node) && typeof node.value === 'string' && (allowed as readonly string[]).includes(node.value)) return node.value as T;
    this.fail(pointer, node, `expected one of ${allowed.join(', ')}`);
  }

  private globs(node: Node | null, pointer: string): string[] {
    if (!isSeq(node)) this.fail(pointer, node, 'expected a list of globs, e.g. ["examples/**"]');
    return node.items.map((item, index) => {
      const resolved = this.resolve(item as Node | null);
      if (isScalar(resolved) && typeof resolved.value === 'string' && resolved.value.trim() !== '') return resolved.value;
      return this.fail(`${pointer}/${index}`, resolved, 'expected a non-empty glob string');
    });
  }

  private byteSize(node: Node | null, pointer: string): number {
    const value = isScalar(node) ? node.value : undefined;
    const bytes = typeof value === 'number' || typeof value === 'string' ? parseByteSize(value) : undefined;
    if (bytes !== undefined) return bytes;
    // Decimal units are ambiguous next to the binary ones users mean: ask for the binary spelling.
    const decimal = typeof value === 'string' && /\d\s*[kmg]b$/i.test(value) ? ' (use KiB, MiB or GiB: sizes are powers of 1024)' : '';
    return this.fail(pointer, node, `expected a positive size: a number of bytes or a string such as 512KiB, 5MiB, 1GiB${decimal}`);
  }

  /** A key must be a string scalar, and one of `allowed` when given. */
  private keyOf(node: Node, parent: string, allowed?: readonly string[]): string {
    const key = isScalar(node) ? node.value : undefined;
    if (typeof key !== 'string') this.fail(`${parent}/${pointerSegment(String(isScalar(node) ? node.value : node))}`, node, 'keys must be strings');
    if (allowed && !allowed.includes(key)) {
      const hint = suggest(key, allowed);
      this.fail(`${parent}/${pointerSegment(key)}`, node, `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${allowed.join(', ')}`);
    }
    return key;
  }

  private resolve(node: Node | null | undefined): Node | null {
    if (node === undefined || node === null) return null;
    return isAlias(node) ? (node.resolve(this.doc) ?? null) : node;
  }

  private remember(pointer: string, node: Node | null): void {
    const line = this.lineOf(node);
    if (line !== undefined) this.lines.set(pointer, line);
  }

  private lineOf(node: Node | null): number | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.lineCounter.linePos(offset).line;
  }

  private fail(pointer: string, node: Node | null, detail: string): never {
    const line = this.lineOf(node) ?? this.lines.get(pointer);
    throw new ConfigError(detail, line === undefined ? { file: this.file, pointer } : { file: this.file, pointer, line });
  }
}

/** Pointer of the mapping key at `offset` (duplicate keys), built from the path of keys to it. */
function pointerAt(doc: Document, offset: number): string {
  const segments: string[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => {
      const range = (item.value as Node | null)?.range ?? (item.key as Node | null)?.range;
      const keyRange = (item.key as Node | null)?.range;
      return keyRange !== undefined && keyRange !== null && keyRange[0] <= offset && offset <= (range?.[2] ?? keyRange[2]);
    });
    if (!pair) break;
    segments.push(pointerSegment(String(isScalar(pair.key) ? pair.key.value : pair.key)));
    if ((pair.key as Node | null)?.range?.[0] === offset) break;
    node = pair.value;
  }
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

