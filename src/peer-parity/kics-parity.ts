import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles } from '../discover/discover.js';
import { runRules } from '../engine/run-rules.js';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { scanFiles } from '../pipeline/scan.js';
import type { Rule } from '../rules/define-rule.js';
import { SourceFile } from '../source/source-file.js';
import type { KicsMapping } from './kics-mapping.js';

/** Where the shared KICS subset lives, relative to the project root (tests run from there). */
export const KICS_SUITE = '../shared/peer-suites/kics';

/** One fixture file of one KICS query: the lines KICS expects and the lines the mapped rules report. */
export interface FileOutcome {
  readonly file: string;
  readonly kind: 'positive' | 'negative';
  /** Distinct lines KICS expects (empty for a negative file). */
  readonly expected: readonly number[];
  /** Distinct lines where a mapped rule reported a finding. */
  readonly ours: readonly number[];
  /** Set when the fixture could not be scanned (load / parse error, rule crash). */
  readonly error?: string;
  /** Both fire, or neither does. */
  readonly fileAgrees: boolean;
  /** Lines reported by both / by either (0 / 0 on a file where neither fires). */
  readonly linesBoth: number;
  readonly linesEither: number;
  /** The mapping explains this file's disagreement (scope difference or KICS wrong): excluded from the asserted rates. */
  readonly explained?: string;
  /** The lines the mapping recorded for an explained file, to notice when a rule's behaviour moves. */
  readonly recorded?: readonly number[];
  /**
   * The top-level units (Terraform blocks, YAML documents) holding KICS's lines (less those the mapping shows to
   * be wrong) and ours: equal sets mean both tools flag the same resources, only at different lines of them.
   */
  readonly units: { readonly expected: readonly string[]; readonly ours: readonly string[] };
}

export interface QueryOutcome {
  readonly mapping: KicsMapping;
  readonly files: readonly FileOutcome[];
  /** Rule ids of the mapping that no longer exist in the registry. */
  readonly missingRules: readonly string[];
}

/** KICS expected results: `fileName` (or `filename`); without it the query's single positive file is meant. */
interface ExpectedResult {
  readonly line: number;
  readonly fileName?: string;
  readonly filename?: string;
}

function expectedLines(testDir: string, positives: readonly string[]): Map<string, number[]> {
  const results = JSON.parse(readFileSync(join(testDir, 'positive_expected_result.json'), 'utf8')) as ExpectedResult[];
  const byFile = new Map<string, number[]>();
  for (const result of results) {
    const file = result.fileName ?? result.filename ?? (positives.length === 1 ? positives[0] : undefined);
    if (file === undefined) throw new Error(`${testDir}: an expected result names no file and the query has ${positives.length} positive files`);
    const lines = byFile.get(file) ?? [];
    if (!lines.includes(result.line)) lines.push(result.line);
    byFile.set(file, lines);
  }
  return byFile;
}

const TERRAFORM = /\.tf$/;

async function findingLines(rules: readonly Rule[], path: string): Promise<{ lines: number[]; error?: string }> {
  const ids = new Set(rules.map((rule) => rule.meta.id));
  if (TERRAFORM.test(path)) {
    const discovered = await discoverFiles({ paths: [path], cwd: process.cwd() });
    const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules, failOn: 'none', today: '2026-01-01' });
    const broken = result.findings.find((finding) => finding.ruleId === 'IG-PARSE-001' || finding.ruleId === 'IG-ENGINE-001');
    if (broken) return { lines: [], error: `${broken.ruleId} line ${broken.location.startLine}: ${broken.message}` };
    return { lines: distinct(result.findings.filter((finding) => ids.has(finding.ruleId)).map((finding) => finding.location.startLine)) };
  }
  const documents = loadYamlStream(new SourceFile(path, readFileSync(path, 'utf8')));
  const broken = documents.find((document) => document.error);
  if (broken) return { lines: [], error: `document does not load: ${String(broken.error)}` };
  const { model } = adaptKubernetes(documents);
  const { findings, crashed } = runRules(model, rules, {});
  if (crashed) return { lines: [], error: `rule crashed: ${findings.map((finding) => finding.message).join('; ')}` };
  return { lines: distinct(findings.filter((finding) => ids.has(finding.ruleId)).map((finding) => finding.location.startLine)) };
}

function distinct(lines: readonly number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}

/** Scans every positive and negative fixture of one mapped query with the mapped rules, through the real pipeline. */
export async function runQuery(mapping: KicsMapping, registry: readonly Rule[], suite = KICS_SUITE): Promise<QueryOutcome> {
  const rules = registry.filter((rule) => mapping.rules.includes(rule.meta.id));
  const missingRules = mapping.rules.filter((id) => !rules.some((rule) => rule.meta.id === id));
  const testDir = join(suite, mapping.platform, mapping.query, 'test');
  const names = readdirSync(testDir)
    .filter((name) => /^(positive|negative)/.test(name) && name !== 'positive_expected_result.json')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const expected = expectedLines(testDir, names.filter((name) => name.startsWith('positive')));
  const files: FileOutcome[] = [];
  for (const file of names) {
    const kind = file.startsWith('positive') ? 'positive' : 'negative';
    const wanted = distinct(expected.get(file) ?? []);
    const { lines: ours, error } = rules.length > 0 ? await findingLines(rules, join(testDir, file)) : { lines: [] as number[] };
    const both = ours.filter((line) => wanted.includes(line)).length;
    const explanation = mapping.explained?.[file];
    const text = readFileSync(join(testDir, file), 'utf8');
    files.push({
      file,
      kind,
      expected: wanted,
      ours,
      ...(error !== undefined ? { error } : {}),
      fileAgrees: error === undefined && (ours.length > 0) === (wanted.length > 0),
      linesBoth: both,
      linesEither: wanted.length + ours.length - both,
      ...(explanation !== undefined ? { explained: explanation.reason, recorded: explanation.ours } : {}),
      units: { expected: unitsOf(file, text, wanted.filter((line) => !(explanation?.kicsWrong ?? []).includes(line))), ours: unitsOf(file, text, ours) },
    });
  }
  return { mapping, files, missingRules };
}

const TOP_LEVEL_BLOCK = /^[a-z_]+(?:\s+"[^"]*")*\s*\{/;

/**
 * The distinct top-level units holding `lines`: `resource "kubernetes_pod" "x"@8` for a Terraform block (named by
 * its header and line), `document 2` for a YAML document (counted from 1 at each `---`).
 */
export function unitsOf(file: string, text: string, lines: readonly number[]): string[] {
  const rows = text.split('\n');
  const unitOfLine: string[] = [];
  let current = TERRAFORM.test(file) ? '(outside any block)' : 'document 1';
  let documents = 1;
  rows.forEach((row, index) => {
    if (TERRAFORM.test(file)) {
      if (TOP_LEVEL_BLOCK.test(row)) current = `${row.replace(/\s*\{.*$/, '')}@${index + 1}`;
    } else if (/^---/.test(row) && index > 0) {
      documents += 1;
      current = `document ${documents}`;
    }
    unitOfLine.push(current);
  });
  return [...new Set(lines.map((line) => unitOfLine[line - 1] ?? `(line ${line} past the end)`))].sort();
}

export function suiteAvailable(suite = KICS_SUITE): boolean {
  return existsSync(join(suite, 'INDEX.md'));
}

/** Agreement counts over a set of files. */
export interface Rates {
  files: number;
  filesAgreeing: number;
  /** Files where both flag the same resources / documents (KICS lines the mapping shows wrong left out). */
  filesSameResources: number;
  linesBoth: number;
  linesEither: number;
}

export function ratesOf(files: readonly FileOutcome[]): Rates {
  const rates: Rates = { files: 0, filesAgreeing: 0, filesSameResources: 0, linesBoth: 0, linesEither: 0 };
  for (const file of files) {
    rates.files += 1;
    if (file.fileAgrees) rates.filesAgreeing += 1;
    if (file.error === undefined && file.units.expected.join('|') === file.units.ours.join('|')) rates.filesSameResources += 1;
    rates.linesBoth += file.linesBoth;
    rates.linesEither += file.linesEither;
  }
  return rates;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`;
}
