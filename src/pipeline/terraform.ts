import path from 'node:path';
import type { DiscoveredFile } from '../discover/types.js';
import type { FileRecord, Finding } from '../findings/finding.js';
import { kubernetesObjectsFromTerraform } from '../model/adapt/terraform-kubernetes.js';
import { adaptTerraformPlan } from '../model/adapt/terraform-plan.js';
import { adaptTerraform, createFileSystemReader } from '../model/adapt/terraform/index.js';
import type { K8sObject } from '../model/kubernetes.js';
import type { TerraformModel, TerraformNotice, TfResource } from '../model/terraform.js';
import { buildTerraformModel } from '../model/terraform.js';
import { diagnosticFinding } from '../engine/diagnostic-finding.js';
import { YAML_DOCUMENT_ERROR } from '../rules/diagnostics.js';
import { SourceFile } from '../source/source-file.js';
import { parseTerraformFiles } from './terraform-files.js';

/** What the user gave for Terraform variables (`--var-file`, `--var`). */
export interface TerraformOptions {
  /** Variable files in command-line order, already read. */
  readonly varFiles?: readonly { readonly path: string; readonly text: string }[];
  readonly vars?: readonly { readonly name: string; readonly value: string }[];
  /**
   * Absolute paths that were scanned: `file()`, `templatefile()` and modules not in the scan are
   * read only below their common directory. Defaults to the directory holding every Terraform file.
   */
  readonly roots?: readonly string[];
}

export interface TerraformScan {
  readonly model: TerraformModel;
  /** Objects created by `kubernetes_*` resources, for the Kubernetes model. */
  readonly kubernetesObjects: readonly K8sObject[];
  readonly findings: Finding[];
  readonly records: FileRecord[];
  readonly sources: SourceFile[];
  /** One line per kind of thing the evaluator could not do, with an example. */
  readonly notices: string[];
  /** A file did not parse. */
  readonly incomplete: boolean;
}

const AUTO_VARIABLES = /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/;

/** parse → evaluate (modules, variables) → resources; `kubernetes_*` resources also become Kubernetes objects. */
export function scanTerraform(files: readonly DiscoveredFile[], options: TerraformOptions = {}): TerraformScan {
  const terraformFiles = files.filter((file) => file.kind === 'terraform' || file.kind === 'terraform-json' || file.kind === 'tfvars');
  const varFiles = parseTerraformFiles((options.varFiles ?? []).map((file) => ({ path: file.path, absPath: path.resolve(file.path), kind: 'tfvars', text: file.text, bytes: Buffer.byteLength(file.text) })));
  const records: FileRecord[] = [...varFiles.failed];
  const findings: Finding[] = [...varFiles.findings];
  const sources: SourceFile[] = [...varFiles.sources];
  const resources: TfResource[] = [];
  const notices: TerraformNotice[] = [];
  let failed = varFiles.failed.length;
  for (const plan of files) {
    if (plan.kind !== 'terraform-plan') continue;
    const read = readPlan(plan);
    sources.push(read.file);
    records.push(read.record);
    resources.push(...read.resources);
    if (read.finding) {
      findings.push(read.finding);
      failed++;
    }
  }
  if (terraformFiles.length === 0) return finish(resources, notices, findings, records, sources, failed);

  const root = scanRoot(options.roots, terraformFiles);
  const toRoot = (absolute: string): string => path.relative(root, absolute).split(path.sep).join('/');
  const first = terraformFiles[0] as DiscoveredFile;
  const firstRelative = toRoot(first.absPath);
  // Display paths are relative to the working directory; the root's display prefix maps reader paths back.
  const displayPrefix = first.path.endsWith(firstRelative) ? first.path.slice(0, first.path.length - firstRelative.length) : '';
  const reader = createFileSystemReader(root, { displayPath: (relative) => displayPrefix + relative });

  // Configurations that cannot reach each other are parsed and evaluated one at a time, so that the
  // syntax trees of a whole monorepo are never in memory at once.
  for (const group of independentConfigurations(terraformFiles, toRoot)) {
    const parsedFiles = parseTerraformFiles(group);
    records.push(...parsedFiles.failed);
    findings.push(...parsedFiles.findings);
    sources.push(...parsedFiles.sources);
    failed += parsedFiles.failed.length;
    const bytesOf = new Map(group.map((file) => [file.path, file.bytes]));
    for (const parsed of parsedFiles.parsed) {
      const bytes = bytesOf.get(parsed.path) ?? 0;
      if (parsed.kind === 'tfvars' && !AUTO_VARIABLES.test(parsed.path)) {
        records.push({ path: parsed.path, kind: parsed.kind, status: 'skipped', reason: 'variable file that Terraform does not load by itself: pass it with --var-file to use its values', bytes });
      } else {
        records.push({ path: parsed.path, kind: parsed.kind, status: 'scanned', bytes });
      }
    }
    if (parsedFiles.parsed.length === 0) continue;
    const model = adaptTerraform({
      files: parsedFiles.parsed.map((parsed) => ({ file: parsed.file, body: parsed.body, path: toRoot(parsed.absPath) })),
      varFiles: varFiles.parsed.map((parsed) => ({ file: parsed.file, body: parsed.body })),
      vars: options.vars ?? [],
      reader,
    });
    resources.push(...model.resources);
    notices.push(...model.notices);
  }
  return finish(resources, notices, findings, records, sources, failed);
}

function finish(resources: TfResource[], notices: TerraformNotice[], findings: Finding[], records: FileRecord[], sources: SourceFile[], failed: number): TerraformScan {
  const model = buildTerraformModel(resources, notices);
  return {
    model,
    kubernetesObjects: kubernetesObjectsFromTerraform(model.resources),
    findings,
    records,
    sources,
    notices: summarizeNotices(model.notices),
    incomplete: failed > 0,
  };
}

/** One `terraform show -json` file: its resources, or IG-PARSE-002 when it is not valid JSON. */
function readPlan(discovered: DiscoveredFile): { file: SourceFile; record: FileRecord; resources: TfResource[]; finding?: Finding } {
  const file = new SourceFile(discovered.path, discovered.text);
  const { resources, error } = adaptTerraformPlan(file);
  if (!error) return { file, record: { path: discovered.path, kind: discovered.kind, status: 'scanned', bytes: discovered.bytes }, resources };
  const position = file.positionAt(error.offset);
  const location = { file: file.path, startLine: position.line, startColumn: position.column, endLine: position.line, endColumn: position.column };
  return {
    file,
    resources,
    finding: diagnosticFinding(YAML_DOCUMENT_ERROR, 'document', { index: 1, message: error.message }, location, '0'),
    record: { path: discovered.path, kind: discovered.kind, status: 'error', reason: `invalid JSON at ${position.line}:${position.column}: ${error.message}`, bytes: discovered.bytes },
  };
}

const LOCAL_SOURCE = /\bsource\s*[=:]\s*"(\.{1,2}\/[^"]*)"/g;

/**
 * Groups files into configurations that cannot reach each other: directories joined by a local
 * module source (`source = "../modules/x"`) are in one group. Read from the text, before parsing; a
 * match in a comment only merges two groups, which is harmless.
 */
function independentConfigurations(files: readonly DiscoveredFile[], toRoot: (absolute: string) => string): DiscoveredFile[][] {
  const parent = new Map<string, string>();
  const find = (dir: string): string => {
    let current = dir;
    while (parent.get(current) !== current) current = parent.get(current) ?? current;
    parent.set(dir, current);
    return current;
  };
  const dirOf = (file: DiscoveredFile): string => path.posix.dirname(toRoot(file.absPath));
  for (const file of files) if (!parent.has(dirOf(file))) parent.set(dirOf(file), dirOf(file));
  for (const file of files) {
    if (file.kind === 'tfvars' || !file.text.includes('source')) continue;
    const dir = dirOf(file);
    for (const match of file.text.matchAll(LOCAL_SOURCE)) {
      const target = path.posix.normalize(path.posix.join(dir, match[1] as string)).replace(/\/$/, '');
      if (!parent.has(target)) continue;
      const a = find(dir);
      const b = find(target);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, DiscoveredFile[]>();
  for (const file of files) {
    const key = find(dirOf(file));
    const group = groups.get(key);
    if (group) group.push(file);
    else groups.set(key, [file]);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key) as DiscoveredFile[]);
}

/** The deepest directory holding every scanned root (or every Terraform file). */
function scanRoot(roots: readonly string[] | undefined, files: readonly DiscoveredFile[]): string {
  const directories = roots && roots.length > 0 ? roots.map((root) => path.resolve(root)) : files.map((file) => path.dirname(file.absPath));
  let common = directories[0] ?? process.cwd();
  for (const directory of directories.slice(1)) {
    while (common !== path.dirname(common) && directory !== common && !directory.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}

const NOTICE_TEXT: Readonly<Record<string, string>> = {
  'module-not-expanded': 'module calls not expanded (remote sources that are not downloaded; run `terraform init` first to let inferguard read them from .terraform/modules); their outputs are unknown',
  'missing-file': 'module sources not found in the scanned tree',
  'module-cycle': 'module calls that would recurse (a cycle), not expanded',
  'module-depth': 'module calls nested deeper than the limit, not expanded',
  'eval-limit': 'configurations with more instances than the limit, partly expanded',
  'parse-error': 'module files that did not parse, left out of their module',
  'eval-error': 'resources the evaluator failed on (a bug in inferguard; the rest was evaluated)',
};

function summarizeNotices(notices: readonly TerraformNotice[]): string[] {
  const byCode = new Map<string, TerraformNotice[]>();
  for (const notice of notices) {
    const list = byCode.get(notice.code);
    if (list) list.push(notice);
    else byCode.set(notice.code, [notice]);
  }
  return [...byCode.keys()].sort().map((code) => {
    const list = byCode.get(code) as TerraformNotice[];
    const example = list[0] as TerraformNotice;
    const where = `${example.file.path}:${example.file.positionAt(example.start).line}`;
    return `Terraform: ${list.length} ${NOTICE_TEXT[code] ?? code}; e.g. ${where}: ${example.message}`;
  });
}
