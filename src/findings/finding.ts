/** The single output contract: what every reporter renders and what baselines and SARIF fingerprint. */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** The severity one level up (critical stays critical). */
export function raiseSeverity(severity: Severity): Severity {
  const index = SEVERITIES.indexOf(severity);
  return SEVERITIES[Math.max(0, index - 1)] as Severity;
}

export interface Mappings {
  /** STRIDE letters: S, T, R, I, D, E. */
  readonly stride?: readonly string[];
  /** MITRE ATLAS technique ids, e.g. AML.T0049. */
  readonly atlas?: readonly string[];
  /** OWASP ML Top 10 (MLxx) / LLM Top 10 (LLMxx) ids. */
  readonly owasp?: readonly string[];
  /** CIS Kubernetes Benchmark v1.10 ids, e.g. 5.2.2. */
  readonly cis?: readonly string[];
  /** NIST SP 800-53 Rev. 5 control ids, e.g. AC-6. */
  readonly nist?: readonly string[];
}

/** 1-based lines and columns; end is exclusive. */
export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FindingLocation extends Region {
  /** Relative to the scan root, `/`-separated. */
  readonly file: string;
}

export interface RelatedLocation extends FindingLocation {
  readonly message: string;
}

export interface ResourceRef {
  readonly kind: string;
  readonly apiVersion?: string;
  readonly namespace?: string;
  readonly name?: string;
}

export type SuppressionKind = 'inline' | 'annotation' | 'config' | 'baseline';

export interface Suppression {
  readonly kind: SuppressionKind;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops applying. */
  readonly until?: string;
  /** Where the suppression was written. */
  readonly location?: FindingLocation;
}

export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  /** Which of the rule's messages this is (rules may report several distinct problems). */
  readonly messageId?: string;
  readonly severity: Severity;
  readonly title: string;
  readonly message: string;
  readonly location: FindingLocation;
  readonly resource?: ResourceRef;
  /** JSON pointer of the offending field inside the resource's document, when there is one. */
  readonly path?: string;
  /** Internal, not reported: what inside the located value the finding is about (`Statement[1]`), see Report.within. */
  readonly within?: string;
  readonly remediation: string;
  readonly mappings: Mappings;
  /** Stable across line shifts: rule, file, resource and field, not lines. */
  readonly fingerprint: string;
  readonly related: readonly RelatedLocation[];
  /** Generic rule ids folded into this finding (one finding per problem, catalogue F.10). */
  readonly alsoMatched?: readonly string[];
  /** Present when the finding is suppressed; suppressed findings are kept, never dropped. */
  readonly suppression?: Suppression;
}

export type FileStatus = 'scanned' | 'skipped' | 'error';

/** What happened to one discovered file. */
export interface FileRecord {
  readonly path: string;
  readonly kind: FileKind;
  readonly status: FileStatus;
  /** Why the file was skipped or failed, for the user. */
  readonly reason?: string;
  readonly bytes: number;
  readonly documents?: number;
}

export type FileKind = 'kubernetes' | 'terraform' | 'terraform-json' | 'tfvars' | 'terraform-plan' | 'helm-template' | 'other';
