import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../findings/finding.js';
import { ConfigError, pointerSegment } from './config-error.js';

export const CONFIG_FILE_NAMES = ['.inferguard.yaml', '.inferguard.yml'] as const;

export interface RuleSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  /** `options:` as written (plain values); checked against the rule's declarations by validateRuleOptions. */
  readonly options?: ReadonlyMap<string, unknown>;
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
  /** Terraform strict mode, as `--strict`: report IG-PARSE-004 where a rule could not resolve a value. */
  readonly strict?: boolean;
}

export interface LoadConfigOptions {
  /** `--config`: wins over discovery; relative to process.cwd(). */
  readonly explicitPath?: string;
  /** Where upward discovery starts: the scanned path's directory. */
  readonly startDir: string;
  /** Last directory searched (inclusive); discovery also stops at a directory containing `.git`. */
  readonly stopDir?: string;
}

/** Line of each pointer, kept off the public shape so validateRuleKeys / validateRuleOptions can still name the line. */
export const LINES = new WeakMap<LoadedConfig, ReadonlyMap<string, number>>();

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
  // The YAML parser is loaded only when there is a config file: most scans have none, and start-up counts.
  const { parseConfig } = await import('./parse-config.js');
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
export function suggest(word: string, candidates: readonly string[]): string | undefined {
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

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
