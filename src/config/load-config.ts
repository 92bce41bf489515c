import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { SEVERITIES, type Severity } from '../findings/finding.js';
import { ConfigError, pointerSegment } from './config-error.js';

export const CONFIG_FILE_NAMES = ['.inferguard.yaml', '.inferguard.yml'] as const;

export interface RuleSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
}

export interface LoadedConfig {
  /** The file read; absent when none was found (defaults). */
  readonly path?: string;
  /** Keyed by rule id (`IG-K8S-101`) or rule name (`privileged-container`), as written. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly failOn?: Severity | 'none';
  /** Globs on display paths, like --exclude / --include. */
  readonly exclude: readonly string[];
  readonly include: readonly string[];
  readonly maxFileBytes?: number;
}

export interface LoadConfigOptions {
  /** `--config`: wins over discovery; relative to process.cwd(). */
  readonly explicitPath?: string;
  /** Where upward discovery starts: the scanned path's directory. */
  readonly startDir: string;
  /** Last directory searched (inclusive); discovery also stops at a directory containing `.git`. */
  readonly stopDir?: string;
}

/** Line of each pointer, kept off the public shape so validateRuleKeys can still name the line. */
const LINES = new WeakMap<LoadedConfig, ReadonlyMap<string, number>>();

const TOP_LEVEL_KEYS = ['rules', 'failOn', 'exclude', 'include', 'maxFileSize'] as const;
const RULE_KEYS = ['severity', 'enabled'] as const;
const RULE_ID = /^IG-[A-Z0-9]+-\d{3}$/;
const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Finds and validates `.inferguard.yaml`; returns defaults when there is none. Throws ConfigError. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = options.explicitPath === undefined ? findConfigFile(options.startDir, options.stopDir) : checkExplicit(options.explicitPath);
  if (file === undefined) return { rules: new Map(), exclude: [], include: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config file: ${error instanceof Error ? error.message : String(error)}`, { file, pointer: '' }, { cause: error });
  }
  return parseConfig(text, file);
}

function checkExplicit(explicitPath: string): string {
  const file = path.resolve(explicitPath);
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    throw new ConfigError('config file not found', { file: explicitPath, pointer: '' }, { cause: error });
  }
  if (!isFile) throw new ConfigError('config path is not a file', { file: explicitPath, pointer: '' });
  return file;
}

/** Upward from startDir; the repository root (a directory with `.git`) is the last one searched. */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  const stop = stopDir === undefined ? undefined : path.resolve(stopDir);
  for (let dir = path.resolve(startDir); ; ) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter((candidate) => isFile(candidate));
    if (found.length > 1) {
      throw new ConfigError(`both ${CONFIG_FILE_NAMES.join(' and ')} exist here: keep one`, { file: found[0] as string, pointer: '' });
    }
    if (found[0] !== undefined) return found[0];
    if (dir === stop || existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses and validates config text; `file` names the source in errors. Exported for tests and `--config -` style use. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
    if (!isMap(root)) this.fail('', root, 'expected a mapping of settings (rules, failOn, exclude, include, maxFileSize)');
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
    const expected = 'expected on, off or a mapping { severity, enabled }';
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
    const setting: { enabled?: boolean; severity?: Severity } = {};
    for (const pair of node.items) {
      const key = this.keyOf(pair.key as Node, pointer, RULE_KEYS);
      const keyPointer = `${pointer}/${key}`;
      const value = this.resolve(pair.value as Node | null);
      this.remember(keyPointer, pair.key as Node);
      if (key === 'severity') setting.severity = this.oneOf(value, keyPointer, SEVERITIES);
      else if (isScalar(value) && typeof value.value === 'boolean') setting.enabled = value.value;
      else this.fail(keyPointer, value, 'expected true or false');
    }
    return setting;
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

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** `5242880`, `"512KiB"`, `"5 MiB"`, `"1.5GiB"` → bytes; undefined when invalid or not positive. */
export function parseByteSize(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(value);
  const unit = match?.[2] ?? '';
  const multiplier = UNITS[unit];
  if (!match || multiplier === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * multiplier);
  return bytes > 0 ? bytes : undefined;
}

/**
 * Checks rule keys against the registry (ids and names). Separate from loading because config comes
 * before the rules are assembled; throws ConfigError for the first unknown key, with a suggestion.
 */
export function validateRuleKeys(config: LoadedConfig, knownIdsAndNames: ReadonlySet<string>): LoadedConfig {
  for (const key of config.rules.keys()) {
    if (knownIdsAndNames.has(key)) continue;
    const pointer = `/rules/${pointerSegment(key)}`;
    const hint = suggest(key, [...knownIdsAndNames]);
    const line = LINES.get(config)?.get(pointer);
    const location = { file: config.path ?? '<config>', pointer, ...(line === undefined ? {} : { line }) };
    throw new ConfigError(`unknown rule "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`, location);
  }
  return config;
}

/** The closest candidate within a small edit distance, for "did you mean". */
function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
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

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
