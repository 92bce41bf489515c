import type { DiscoveredFile } from '../discover/types.js';
import { diagnosticFinding } from '../engine/diagnostic-finding.js';
import type { FileRecord, Finding } from '../findings/finding.js';
import type { Body, HclParseResult } from '../parse/terraform/ast.js';
import { parseHcl } from '../parse/terraform/parse-hcl.js';
import { parseTerraformJson } from '../parse/terraform/parse-terraform-json.js';
import { parseVariableFile } from '../parse/terraform/parse-tfvars.js';
import { HCL_SYNTAX_ERROR } from '../rules/diagnostics.js';
import { SourceFile } from '../source/source-file.js';

/** A Terraform configuration or variables file that parsed. */
export interface ParsedTerraformFile {
  readonly path: string;
  readonly absPath: string;
  readonly kind: 'terraform' | 'terraform-json' | 'tfvars';
  readonly file: SourceFile;
  readonly body: Body;
}

export interface TerraformParseOutput {
  readonly parsed: ParsedTerraformFile[];
  readonly findings: Finding[];
  /** Records of the files that failed to parse; the others are recorded after evaluation. */
  readonly failed: FileRecord[];
  readonly sources: SourceFile[];
}

export type TerraformParser = (file: SourceFile) => HclParseResult;

/** Parses every Terraform file; a syntax error becomes IG-PARSE-001 at its line and the other files go on. */
export function parseTerraformFiles(files: readonly DiscoveredFile[], parserOf: (kind: DiscoveredFile['kind']) => TerraformParser | undefined = defaultParserOf): TerraformParseOutput {
  const parsed: ParsedTerraformFile[] = [];
  const findings: Finding[] = [];
  const failed: FileRecord[] = [];
  const sources: SourceFile[] = [];
  for (const discovered of files) {
    if (discovered.kind !== 'terraform' && discovered.kind !== 'terraform-json' && discovered.kind !== 'tfvars') continue;
    const parse = parserOf(discovered.kind);
    if (!parse) continue;
    const file = new SourceFile(discovered.path, discovered.text);
    sources.push(file);
    const result = parse(file);
    const error = result.errors[0];
    if (result.body && !error) {
      parsed.push({ path: discovered.path, absPath: discovered.absPath, kind: discovered.kind, file, body: result.body });
      continue;
    }
    const message = error?.message ?? 'the file could not be parsed';
    const position = file.positionAt(error?.offset ?? 0);
    findings.push(
      diagnosticFinding(HCL_SYNTAX_ERROR, 'syntax', { message }, { file: file.path, startLine: position.line, startColumn: position.column, endLine: position.line, endColumn: position.column }),
    );
    failed.push({ path: discovered.path, kind: discovered.kind, status: 'error', reason: `syntax error at ${position.line}:${position.column}: ${message}`, bytes: discovered.bytes });
  }
  return { parsed, findings, failed, sources };
}

function defaultParserOf(kind: DiscoveredFile['kind']): TerraformParser | undefined {
  switch (kind) {
    case 'terraform':
      return (file) => parseHcl(file);
    case 'terraform-json':
      return (file) => parseTerraformJson(file);
    case 'tfvars':
      return parseVariableFile;
    default:
      return undefined;
  }
}
