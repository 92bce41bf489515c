// Per-rule options: a rule declares them in its metadata (name → type, default, description),
// `.inferguard.yaml` sets them under the rule (`rules: { IG-ML-071: { options: { … } } }`), the
// config is checked against the declarations once the rules are known, and the engine hands each
// rule its values with the defaults filled in (`context.options`).
import { ConfigError, pointerSegment } from './config-error.js';
import { LINES, suggest, type LoadedConfig } from './load-config.js';

export interface RuleOptionTypes {
  readonly 'string[]': readonly string[];
  readonly string: string;
  readonly number: number;
  readonly boolean: boolean;
}

export type RuleOptionType = keyof RuleOptionTypes;

export type RuleOptionValue = RuleOptionTypes[RuleOptionType];

/** What a string (or each string of a list) must look like, with the words an error uses for it. */
export interface RuleOptionFormat {
  readonly pattern: RegExp;
  /** Completes "… is not <description>": `a label selector such as compliance=hipaa`. */
  readonly description: string;
}

/** One declared option; `default` has the declared type. */
export type RuleOptionSpec = {
  readonly [T in RuleOptionType]: {
    readonly type: T;
    readonly default: RuleOptionTypes[T];
    /** One sentence for the rule's docs. Markdown. */
    readonly description: string;
    /** For `string` and `string[]`. */
    readonly format?: RuleOptionFormat;
  };
}[RuleOptionType];

export type RuleOptionSchema = Readonly<Record<string, RuleOptionSpec>>;

/** The values a rule sees: every declared option, typed, defaults applied. */
export type RuleOptionValues<S extends RuleOptionSchema> = { readonly [K in keyof S]: RuleOptionTypes[S[K]['type']] };

/** Validated values of the options a config sets for one rule (defaults not applied). */
export type ConfiguredOptions = Readonly<Record<string, RuleOptionValue>>;

/** A problem with one option value; `path` is relative to the rule's `options` mapping. */
export interface OptionProblem {
  readonly path: readonly (string | number)[];
  readonly detail: string;
}

/** The rule as the checks need it: its id, name and declared options. */
export interface RuleOptionsDeclaration {
  readonly id: string;
  readonly name: string;
  readonly options?: RuleOptionSchema;
}

/** Checks option values against a rule's declarations; the first problem, or undefined. */
export function checkRuleOptions(rule: RuleOptionsDeclaration, values: ReadonlyMap<string, unknown>): OptionProblem | undefined {
  const schema = rule.options ?? {};
  const names = Object.keys(schema);
  for (const [name, value] of values) {
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (spec === undefined) {
      if (names.length === 0) return { path: [name], detail: `${rule.id} (${rule.name}) takes no options` };
      const hint = suggest(name, names);
      return { path: [name], detail: `unknown option "${name}" for ${rule.id}${hint ? ` (did you mean "${hint}"?)` : ''}; options: ${names.join(', ')}` };
    }
    const problem = checkValue(spec, value);
    if (problem) return { path: [name, ...problem.path], detail: problem.detail };
  }
  return undefined;
}

function checkValue(spec: RuleOptionSpec, value: unknown): OptionProblem | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { path: [], detail: 'expected true or false' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : { path: [], detail: 'expected a number' };
    case 'string':
      if (typeof value !== 'string') return { path: [], detail: 'expected a string' };
      return checkFormat(spec.format, value, []);
    case 'string[]': {
      if (!Array.isArray(value)) {
        const single = typeof value === 'string' ? `; for one value write [${value}]` : '';
        return { path: [], detail: `expected a list of strings${single}` };
      }
      for (const [index, item] of (value as unknown[]).entries()) {
        if (typeof item !== 'string' || item.trim() === '') return { path: [index], detail: 'expected a non-empty string' };
        const problem = checkFormat(spec.format, item, [index]);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

function checkFormat(format: RuleOptionFormat | undefined, value: string, path: readonly number[]): OptionProblem | undefined {
  if (format === undefined || format.pattern.test(value)) return undefined;
  return { path, detail: `"${value}" is not ${format.description}` };
}

/** The values a rule sees: each declared option as configured, else its default. */
export function resolveRuleOptions(schema: RuleOptionSchema | undefined, configured: ConfiguredOptions | undefined): ConfiguredOptions {
  const values: Record<string, RuleOptionValue> = {};
  for (const [name, spec] of Object.entries(schema ?? {})) {
    values[name] = configured !== undefined && Object.hasOwn(configured, name) ? (configured[name] as RuleOptionValue) : spec.default;
  }
  return Object.freeze(values);
}

/**
 * Checks the `options` of every `rules:` entry against the rule's declarations, once the rules are
 * known (after validateRuleKeys). Returns the configured values by rule id. Throws ConfigError
 * naming the file, the JSON pointer of the option (or list item) and its line, and when a rule is
 * set under both its id and its name (one of the two would silently lose).
 */
export function validateRuleOptions(config: LoadedConfig, rules: readonly RuleOptionsDeclaration[]): ReadonlyMap<string, ConfiguredOptions> {
  const file = config.path ?? '<config>';
  const lines = LINES.get(config);
  const fail = (pointer: string, detail: string): never => {
    const line = lines?.get(pointer);
    throw new ConfigError(detail, line === undefined ? { file, pointer } : { file, pointer, line });
  };
  const result = new Map<string, ConfiguredOptions>();
  for (const rule of rules) {
    const keys = [rule.id, rule.name].filter((key) => config.rules.has(key));
    if (keys.length === 2) fail(`/rules/${pointerSegment(rule.name)}`, `${rule.id} is also set under /rules/${rule.id}: keep one entry per rule`);
    const key = keys[0];
    const options = key === undefined ? undefined : config.rules.get(key)?.options;
    if (key === undefined || options === undefined) continue;
    const problem = checkRuleOptions(rule, options);
    if (problem) fail(['', 'rules', key, 'options', ...problem.path].map(pointerSegment).join('/'), problem.detail);
    result.set(rule.id, Object.freeze(Object.fromEntries(options) as Record<string, RuleOptionValue>));
  }
  return result;
}
