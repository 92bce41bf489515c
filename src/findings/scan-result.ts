import type { FileRecord, Finding, Severity } from './finding.js';
import { severityRank } from './finding.js';

/** What a scan produced: the input to every reporter. */
export interface ScanResult {
  /** Sorted by file, line, column, rule id. Suppressed findings included (they carry `suppression`). */
  readonly findings: readonly Finding[];
  /** Every discovered file and what happened to it, sorted by path. */
  readonly files: readonly FileRecord[];
  /** True when a file could not be parsed or a rule crashed: the result is partial (exit code 3). */
  readonly incomplete: boolean;
  /** Unsuppressed findings at or above this severity fail the scan (exit code 1); 'none' never fails. */
  readonly failOn: Severity | 'none';
  /** Notes for the user that are not findings (expired suppressions, config warnings). */
  readonly notices: readonly string[];
}

/** True when an unsuppressed finding is at or above the threshold. */
export function failsThreshold(result: Pick<ScanResult, 'findings' | 'failOn'>): boolean {
  if (result.failOn === 'none') return false;
  const threshold = severityRank(result.failOn);
  return result.findings.some((finding) => !finding.suppression && severityRank(finding.severity) >= threshold);
}
