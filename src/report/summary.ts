import type { FileStatus, ResourceRef, Severity } from '../findings/finding.js';
import { SEVERITIES } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import { failsThreshold } from '../findings/scan-result.js';

/** The numbers every report shows, computed once so that text, JSON and SARIF agree. */
export interface ReportSummary {
  /** Unsuppressed findings by severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly unsuppressed: number;
  readonly suppressed: number;
  readonly files: Readonly<Record<FileStatus, number>>;
  readonly incomplete: boolean;
  readonly failOn: Severity | 'none';
  /** True when an unsuppressed finding is at or above `failOn`. */
  readonly failed: boolean;
}

/** Counts by severity and file status; suppressed findings are counted apart, never by severity. */
export function summarize(result: ScanResult): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const finding of result.findings) {
    if (finding.suppression) suppressed++;
    else bySeverity[finding.severity]++;
  }
  const files: Record<FileStatus, number> = { scanned: 0, skipped: 0, error: 0 };
  for (const file of result.files) files[file.status]++;
  return {
    bySeverity,
    unsuppressed: result.findings.length - suppressed,
    suppressed,
    files,
    incomplete: result.incomplete,
    failOn: result.failOn,
    failed: failsThreshold(result),
  };
}

/** `Deployment serving/tf-serving`, `ClusterRole admin`, or just the kind when the object has no name. */
export function resourceLabel(resource: ResourceRef): string {
  // A Terraform address already names its type: `module.m.aws_s3_bucket.b[0]`.
  if (resource.apiVersion === undefined && resource.name !== undefined && resource.name.includes(`${resource.kind}.`)) return resource.name;
  const name = resource.name === undefined ? '' : resource.namespace === undefined ? resource.name : `${resource.namespace}/${resource.name}`;
  return name ? `${resource.kind} ${name}` : resource.kind;
}
