import type { FileRecord, Finding, FindingLocation, Mappings, RelatedLocation, ResourceRef, Suppression } from '../findings/finding.js';
import { SEVERITIES } from '../findings/finding.js';
import { compareFindings, compareText } from '../findings/most-specific.js';
import type { ScanResult } from '../findings/scan-result.js';
import { summarize } from './summary.js';

/** `$schema` of every JSON report; the major version is in the URI, the full version in `schemaVersion`. */
export const REPORT_SCHEMA_URI = 'urn:inferguard:schema:report:v1';

/** Semantic version of the JSON report format (see docs/json-schema.md for the policy). */
export const REPORT_SCHEMA_VERSION = '1.0.0';

/** Options of {@link renderJson}. */
export interface JsonOptions {
  /** inferguard's own version, recorded in `tool.version`. */
  readonly toolVersion: string;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/**
 * The machine report, schema `docs/report-schema.json`. Deterministic: keys in a fixed order, findings
 * and files sorted, no timestamps and no paths other than the (relative) report paths.
 */
export function renderJson(result: ScanResult, options: JsonOptions): string {
  const summary = summarize(result);
  const report: Json = {
    $schema: REPORT_SCHEMA_URI,
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'inferguard', version: options.toolVersion },
    summary: {
      bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, summary.bySeverity[severity]])),
      unsuppressed: summary.unsuppressed,
      suppressed: summary.suppressed,
      total: result.findings.length,
      files: { scanned: summary.files.scanned, skipped: summary.files.skipped, error: summary.files.error, total: result.files.length },
      incomplete: summary.incomplete,
      failOn: summary.failOn,
      failed: summary.failed,
    },
    findings: [...result.findings].sort(compareFindings).map(findingJson),
    files: [...result.files].sort((a, b) => compareText(a.path, b.path)).map(fileJson),
    notices: [...result.notices],
  };
  return JSON.stringify(report, null, 2) + '\n';
}

// Built key by key rather than spread, so that a field added to Finding cannot leak into the
// versioned format unnoticed, and key order never depends on how the finding was constructed.
function findingJson(finding: Finding): Json {
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    location: locationJson(finding.location),
    ...(finding.resource ? { resource: resourceJson(finding.resource) } : {}),
    ...(finding.path !== undefined ? { path: finding.path } : {}),
    remediation: finding.remediation,
    mappings: mappingsJson(finding.mappings),
    fingerprint: finding.fingerprint,
    related: finding.related.map(relatedJson),
    alsoMatched: [...(finding.alsoMatched ?? [])],
    ...(finding.suppression ? { suppression: suppressionJson(finding.suppression) } : {}),
  };
}

function locationJson(location: FindingLocation): { readonly [key: string]: Json } {
  return {
    file: location.file,
    startLine: location.startLine,
    startColumn: location.startColumn,
    endLine: location.endLine,
    endColumn: location.endColumn,
  };
}

function relatedJson(related: RelatedLocation): Json {
  return { ...locationJson(related), message: related.message };
}

function resourceJson(resource: ResourceRef): Json {
  return {
    kind: resource.kind,
    ...(resource.apiVersion !== undefined ? { apiVersion: resource.apiVersion } : {}),
    ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}),
    ...(resource.name !== undefined ? { name: resource.name } : {}),
  };
}

function mappingsJson(mappings: Mappings): Json {
  return {
    stride: [...(mappings.stride ?? [])],
    atlas: [...(mappings.atlas ?? [])],
    owasp: [...(mappings.owasp ?? [])],
    cis: [...(mappings.cis ?? [])],
    nist: [...(mappings.nist ?? [])],
  };
}

function suppressionJson(suppression: Suppression): Json {
  return {
    kind: suppression.kind,
    reason: suppression.reason,
    ...(suppression.until !== undefined ? { until: suppression.until } : {}),
    ...(suppression.location ? { location: locationJson(suppression.location) } : {}),
  };
}

function fileJson(file: FileRecord): Json {
  return {
    path: file.path,
    kind: file.kind,
    status: file.status,
    ...(file.reason !== undefined ? { reason: file.reason } : {}),
    bytes: file.bytes,
    ...(file.documents !== undefined ? { documents: file.documents } : {}),
  };
}
