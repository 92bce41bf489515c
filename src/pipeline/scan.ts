import type { ConfiguredOptions } from '../config/rule-options.js';
import { diagnosticFinding, fileStartLocation } from '../engine/diagnostic-finding.js';
import { locate } from '../engine/locate.js';
import { runRules } from '../engine/run-rules.js';
import type { DiscoveredFile, DiscoveryProblem } from '../discover/discover.js';
import type { FileRecord, Finding, Severity } from '../findings/finding.js';
import { compareFindings, compareText, dropRepeats, keepMostSpecific } from '../findings/most-specific.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { Subject } from '../model/subject.js';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import { buildTerraformModel } from '../model/terraform.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import type { TerraformModel } from '../model/terraform.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import type { ParsedDocument } from '../parse/kubernetes/types.js';
import type { Rule } from '../rules/define-rule.js';
import { DIAGNOSTICS, FILE_SKIPPED, YAML_DOCUMENT_ERROR } from '../rules/diagnostics.js';
import { SourceFile } from '../source/source-file.js';
import { applySuppressions } from '../suppress/suppressions.js';
import type { TerraformOptions, TerraformScan } from './terraform.js';

export interface ScanInput {
  /** Readable files, already discovered and decoded. */
  readonly files: readonly DiscoveredFile[];
  /** Files found but not readable as text (binary, too large, loops, …). */
  readonly problems: readonly DiscoveryProblem[];
  /** The rules to run (already filtered by config). */
  readonly rules: readonly Rule[];
  readonly severityOverrides?: ReadonlyMap<string, Severity>;
  /** Rule options by rule id, validated against the rules' declarations (validateRuleOptions). */
  readonly ruleOptions?: ReadonlyMap<string, ConfiguredOptions>;
  readonly failOn: Severity | 'none';
  /** YYYY-MM-DD, for suppression expiry. */
  readonly today: string;
  readonly notices?: readonly string[];
  /** Terraform variables and the scanned roots. */
  readonly terraform?: TerraformOptions;
  /** Strict mode: IG-PARSE-004 where a rule could not resolve a Terraform value it read. */
  readonly strict?: boolean;
}

export interface ScanOutput {
  readonly result: ScanResult;
  /** The text of every scanned file, for reporters that quote source lines. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Wall milliseconds spent reading and evaluating Terraform (benchmarks report YAML and Terraform apart). */
  readonly terraformMs: number;
  /** The models the rules ran on: the serving graph and its pictures are drawn from them. */
  readonly models: { readonly kubernetes: KubernetesModel; readonly terraform: TerraformModel };
  /** The object or resource a finding is about (by fingerprint), for views that group findings by what they concern. */
  readonly subjectOf: (finding: Finding) => Subject | undefined;
}

/** Problems that mean part of the input was not reviewed: the scan is incomplete. */
const INCOMPLETE_CODES = new Set(['too-large', 'binary', 'not-utf8', 'unreadable', 'symlink-loop']);

/** load → model → rules → one finding per problem → suppressions → sorted result. */
export async function scanFiles(input: ScanInput): Promise<ScanOutput> {
  const sources = new Map<string, SourceFile>();
  const records: FileRecord[] = [];
  const findings: Finding[] = [];
  const documents: ParsedDocument[] = [];
  let incomplete = false;

  for (const problem of input.problems) {
    records.push({ path: problem.path, kind: problem.kind, status: problem.code === 'helm-template' ? 'skipped' : 'error', reason: problem.reason, bytes: problem.bytes });
    findings.push(diagnosticFinding(FILE_SKIPPED, 'skipped', { reason: problem.reason }, fileStartLocation(problem.path), problem.code));
    if (INCOMPLETE_CODES.has(problem.code)) incomplete = true;
  }

  const terraformStart = performance.now();
  const terraform = await scanTerraformFiles(input);
  const terraformMs = performance.now() - terraformStart;
  records.push(...terraform.records);
  findings.push(...terraform.findings);
  for (const file of terraform.sources) sources.set(file.path, file);
  // Modules read from outside the discovered files (.terraform/modules) hold resources too.
  for (const resource of terraform.model.resources) if (!sources.has(resource.file.path)) sources.set(resource.file.path, resource.file);
  if (terraform.incomplete) incomplete = true;

  for (const discovered of input.files) {
    if (TERRAFORM_KINDS.has(discovered.kind)) continue;
    if (discovered.kind !== 'kubernetes') {
      records.push({ path: discovered.path, kind: discovered.kind, status: 'skipped', reason: NOT_A_MANIFEST, bytes: discovered.bytes });
      continue;
    }
    const file = new SourceFile(discovered.path, discovered.text);
    sources.set(file.path, file);
    const fileDocuments = loadYamlStream(file);
    let failed = 0;
    for (const document of fileDocuments) {
      if (!document.error) {
        documents.push(document);
        continue;
      }
      failed++;
      const position = file.positionAt(document.error.offset);
      findings.push(
        diagnosticFinding(
          YAML_DOCUMENT_ERROR,
          'document',
          { index: document.index + 1, message: document.error.message },
          { file: file.path, startLine: position.line, startColumn: position.column, endLine: position.line, endColumn: position.column },
          String(document.index),
        ),
      );
    }
    if (failed > 0) incomplete = true;
    records.push({
      path: discovered.path,
      kind: discovered.kind,
      status: failed > 0 ? 'error' : 'scanned',
      ...(failed > 0 ? { reason: `${failed} of ${fileDocuments.length} documents could not be loaded` } : {}),
      bytes: discovered.bytes,
      documents: fileDocuments.length,
    });
  }

  const { model } = adaptKubernetes(documents, terraform.kubernetesObjects);
  const run = runRules(model, input.rules, { terraform: terraform.model, ...(input.severityOverrides ? { severityOverrides: input.severityOverrides } : {}), ...(input.ruleOptions ? { ruleOptions: input.ruleOptions } : {}), strict: input.strict ?? false });
  if (run.crashed) incomplete = true;

  const metaById = new Map(input.rules.map((rule) => [rule.meta.id, rule.meta]));
  // Copies made by keepMostSpecific keep their fingerprint: find objects through it.
  const objectByFingerprint = new Map([...run.objectOf].map(([finding, object]) => [finding.fingerprint, object]));
  const specific = dropRepeats(keepMostSpecific(run.findings, (ruleId) => metaById.get(ruleId)?.supersedes ?? []));
  const suppressed = applySuppressions([...findings, ...specific], sources, [...model.objects, ...terraform.model.resources], {
    objectOf: (finding) => objectByFingerprint.get(finding.fingerprint),
    startLineOf: (object) => locate(object).location.startLine,
    nameOf: (ruleId) => metaById.get(ruleId)?.name ?? DIAGNOSTICS.find((meta) => meta.id === ruleId)?.name,
    today: input.today,
  });

  return {
    sources,
    terraformMs,
    models: { kubernetes: model, terraform: terraform.model },
    subjectOf: (finding) => objectByFingerprint.get(finding.fingerprint),
    result: {
      findings: suppressed.findings.sort(compareFindings),
      files: records.sort((a, b) => compareText(a.path, b.path)),
      incomplete,
      failOn: input.failOn,
      notices: [...(input.notices ?? []), ...terraform.notices, ...suppressed.notices],
    },
  };
}

const TERRAFORM_KINDS = new Set(['terraform', 'terraform-json', 'tfvars', 'terraform-plan']);

/** The Terraform engine is loaded only when there is Terraform to read (start-up time of YAML-only scans). */
async function scanTerraformFiles(input: ScanInput): Promise<TerraformScan> {
  if (!input.files.some((file) => TERRAFORM_KINDS.has(file.kind)) && (input.terraform?.varFiles ?? []).length === 0) {
    return { model: buildTerraformModel([]), kubernetesObjects: [], findings: [], records: [], sources: [], notices: [], incomplete: false };
  }
  const { scanTerraform } = await import('./terraform.js');
  return scanTerraform(input.files, input.terraform);
}

const NOT_A_MANIFEST = 'not a Kubernetes manifest (no apiVersion and kind)';
