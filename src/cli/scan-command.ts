import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { loadConfig, parseByteSize, validateRuleKeys } from '../config/load-config.js';
import type { LoadedConfig } from '../config/load-config.js';
import { validateRuleOptions } from '../config/rule-options.js';
import type { ConfiguredOptions } from '../config/rule-options.js';
import { discoverFiles } from '../discover/discover.js';
import type { Severity } from '../findings/finding.js';
import { failsThreshold } from '../findings/scan-result.js';
import { scanFiles } from '../pipeline/scan.js';
import type { TerraformOptions } from '../pipeline/terraform.js';
import { renderReport } from '../report/index.js';
import { renderPathsText } from '../report/paths.js';
import { renderMermaid } from '../report/mermaid.js';
import { renderHtml } from '../report/html.js';
import { servingGraph } from '../graph/serving-graph.js';
import { renderThreatsJson, renderThreatsMarkdown } from '../report/threats.js';
import { buildThreatModel } from '../threats/threat-model.js';
import type { ReportFormat } from '../report/index.js';
import { DIAGNOSTICS, UNRESOLVED_VALUE } from '../rules/diagnostics.js';
import type { Rule } from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { EXIT } from './exit-codes.js';
import { toolVersion } from './package-info.js';
import { UsageError } from './usage-error.js';

export interface ScanCommandOptions {
  readonly format?: string;
  readonly output?: readonly string[];
  readonly failOn?: string;
  readonly config?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly maxFileSize?: string;
  readonly gitignore?: boolean;
  readonly varFile?: readonly string[];
  readonly var?: readonly string[];
  readonly color?: boolean;
  readonly verbose?: boolean;
  readonly strict?: boolean;
}

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** The pictures of the serving graph: only `inferguard paths` has them, since they highlight attack paths. */
type PictureFormat = 'mermaid' | 'html';
const PICTURES: readonly PictureFormat[] = ['mermaid', 'html'];
/** `inferguard threats` writes its own two forms. */
type ThreatsFormat = 'markdown' | 'json';
const THREATS_FORMATS: readonly ThreatsFormat[] = ['markdown', 'json'];
type OutputFormat = ReportFormat | PictureFormat | 'markdown';
type Mode = 'scan' | 'paths' | 'threats';

/** `inferguard scan`: returns the exit code. */
export async function runScan(paths: readonly string[], options: ScanCommandOptions): Promise<number> {
  return scanWith(paths, options, 'scan');
}

/** `inferguard paths`: the attack paths only (the graph rules' findings), worst first; returns the exit code. */
export async function runPaths(paths: readonly string[], options: ScanCommandOptions): Promise<number> {
  return scanWith(paths, options, 'paths');
}

/** `inferguard threats`: a STRIDE threat model per model endpoint (Markdown or JSON); exit 0, or 3 when the scan is incomplete. */
export async function runThreats(paths: readonly string[], options: ScanCommandOptions): Promise<number> {
  return scanWith(paths, options, 'threats');
}

async function scanWith(paths: readonly string[], options: ScanCommandOptions, mode: Mode): Promise<number> {
  const cwd = process.cwd();
  const outputs = (options.output ?? []).map((value) => parseOutput(value, mode));
  const { config, ruleOptions } = await loadValidatedConfig(paths, options.config, cwd);
  const all = enabledRules(config);
  const rules = mode === 'paths' ? { ...all, enabled: all.enabled.filter((rule) => rule.meta.id.startsWith('IG-GRAPH-')) } : all;
  const strict = strictMode(config, options.strict);
  const failOn = (options.failOn ?? config.failOn ?? 'high') as Severity | 'none';

  let maxFileBytes = config.maxFileBytes;
  if (options.maxFileSize !== undefined) {
    maxFileBytes = parseByteSize(options.maxFileSize);
    if (maxFileBytes === undefined) throw new UsageError(`--max-file-size: '${options.maxFileSize}' is not a size (bytes, or a number with KiB / MiB / GiB)`);
  }

  const discovered = await discoverFiles({
    paths,
    cwd,
    include: [...config.include, ...(options.include ?? [])],
    exclude: [...config.exclude, ...(options.exclude ?? [])],
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    respectGitignore: options.gitignore !== false,
  });
  const missing = discovered.problems.filter((problem) => problem.code === 'not-found');
  if (missing.length > 0) throw new UsageError(missing.map((problem) => `${problem.path}: ${problem.reason}`).join('\n'));
  const terraform = await terraformOptions(paths, options, cwd);

  const { result: scanned, sources, models, subjectOf } = await scanFiles({
    files: discovered.files,
    problems: discovered.problems,
    rules: rules.enabled,
    severityOverrides: rules.severities,
    ruleOptions,
    failOn,
    today: new Date().toISOString().slice(0, 10),
    terraform,
    strict,
  });

  // `paths` reports attack paths only; parse problems still make the result incomplete (exit 3).
  const result = mode === 'paths' ? { ...scanned, findings: scanned.findings.filter((finding) => finding.ruleId.startsWith('IG-GRAPH-')) } : scanned;
  const context = {
    toolVersion: toolVersion(),
    rules: [...RULES.map((rule) => rule.meta), ...DIAGNOSTICS],
    sources,
    color: options.color ?? Boolean(process.stdout.isTTY && !process.env.NO_COLOR),
    verbose: options.verbose ?? false,
  };
  const render = async (format: OutputFormat, color: boolean): Promise<string> => {
    if (mode === 'threats') {
      const threatModel = buildThreatModel({ model: models.kubernetes, terraform: models.terraform, graph: servingGraph(models.kubernetes, models.terraform), findings: result.findings, subjectOf });
      const options = { toolVersion: context.toolVersion, incomplete: result.incomplete };
      return format === 'json' ? renderThreatsJson(threatModel, options) : renderThreatsMarkdown(threatModel, options);
    }
    if (format === 'mermaid') return renderMermaid(servingGraph(models.kubernetes, models.terraform), result);
    if (format === 'html') return renderHtml(servingGraph(models.kubernetes, models.terraform), result, { toolVersion: context.toolVersion });
    if (format === 'markdown') throw new UsageError('markdown is a format of `inferguard threats` only');
    return mode === 'paths' && format === 'text' ? renderPathsText(result, { color }) : renderReport(format, result, { ...context, color });
  };
  for (const output of outputs) writeFileSync(resolve(cwd, output.file), await render(output.format, false));
  process.stdout.write(await render((options.format ?? (mode === 'threats' ? 'markdown' : 'text')) as OutputFormat, context.color));

  if (result.incomplete) return EXIT.incomplete;
  if (mode === 'threats') return EXIT.clean;
  return failsThreshold(result) ? EXIT.findings : EXIT.clean;
}

/** `--var-file` files are read here (a missing one is a usage error, as for terraform); `--var` must be name=value. */
async function terraformOptions(paths: readonly string[], options: ScanCommandOptions, cwd: string): Promise<TerraformOptions> {
  const { readFile, stat } = await import('node:fs/promises');
  const varFiles: Array<{ path: string; text: string }> = [];
  for (const file of options.varFile ?? []) {
    try {
      varFiles.push({ path: file, text: await readFile(resolve(cwd, file), 'utf8') });
    } catch (error) {
      throw new UsageError(`--var-file ${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
  }
  const vars = (options.var ?? []).map((entry) => {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--var expects name=value, got '${entry}'`);
    return { name: entry.slice(0, equals).trim(), value: entry.slice(equals + 1) };
  });
  const roots: string[] = [];
  for (const path of paths) {
    if (path === '-') continue;
    const absolute = resolve(cwd, path);
    roots.push((await stat(absolute).catch(() => undefined))?.isDirectory() ? absolute : dirname(absolute));
  }
  return { varFiles, vars, roots };
}

function parseOutput(value: string, mode: Mode): { format: OutputFormat; file: string } {
  const formats: readonly OutputFormat[] = mode === 'paths' ? [...FORMATS, ...PICTURES] : mode === 'threats' ? THREATS_FORMATS : FORMATS;
  const equals = value.indexOf('=');
  const format = (equals === -1 ? '' : value.slice(0, equals)) as OutputFormat;
  const file = value.slice(equals + 1);
  if (equals === -1 || !formats.includes(format) || file.length === 0) {
    throw new UsageError(`--output expects <format>=<file> with format ${formats.join(' | ')}, got '${value}'`);
  }
  return { format, file };
}

async function loadValidatedConfig(paths: readonly string[], explicitPath: string | undefined, cwd: string): Promise<{ config: LoadedConfig; ruleOptions: ReadonlyMap<string, ConfiguredOptions> }> {
  const first = paths.find((path) => path !== '-') ?? '.';
  const startDir = resolve(cwd, first);
  try {
    const config = await loadConfig({ ...(explicitPath !== undefined ? { explicitPath: resolve(cwd, explicitPath) } : {}), startDir: (await isDirectory(startDir)) ? startDir : dirname(startDir) });
    validateRuleKeys(config, new Set([...RULES.flatMap((rule) => [rule.meta.id, rule.meta.name]), UNRESOLVED_VALUE.id, UNRESOLVED_VALUE.name]));
    const ruleOptions = validateRuleOptions(config, [...RULES.map((rule) => rule.meta), UNRESOLVED_VALUE]);
    return { config, ruleOptions };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Strict mode is IG-PARSE-004 switched on: `--strict` or `strict: true`, or the diagnostic enabled in `rules:`.
 * A `rules:` entry turning it off wins over both, as for any other off-by-default rule.
 */
function strictMode(config: LoadedConfig, flag: boolean | undefined): boolean {
  const setting = config.rules.get(UNRESOLVED_VALUE.id) ?? config.rules.get(UNRESOLVED_VALUE.name);
  return setting?.enabled ?? (flag === true || config.strict === true);
}

/** Config entries may name a rule by id or by name; off-by-default rules run only when enabled. */
function enabledRules(config: LoadedConfig): { enabled: Rule[]; severities: Map<string, Severity> } {
  const enabled: Rule[] = [];
  const severities = new Map<string, Severity>();
  const unresolved = config.rules.get(UNRESOLVED_VALUE.id) ?? config.rules.get(UNRESOLVED_VALUE.name);
  if (unresolved?.severity) severities.set(UNRESOLVED_VALUE.id, unresolved.severity);
  for (const rule of RULES) {
    const setting = config.rules.get(rule.meta.id) ?? config.rules.get(rule.meta.name);
    const on = setting?.enabled ?? rule.meta.defaultEnabled ?? true;
    if (!on) continue;
    enabled.push(rule);
    if (setting?.severity) severities.set(rule.meta.id, setting.severity);
  }
  return { enabled, severities };
}
