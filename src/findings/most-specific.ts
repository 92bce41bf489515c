import type { Finding } from './finding.js';
import { severityRank } from './finding.js';

/**
 * Catalogue F.10, one finding per problem: when a specific rule and a generic rule it supersedes flag
 * the same field of the same resource, keep the specific finding, name the generic id in `alsoMatched`,
 * and keep the higher severity of the two.
 */
export function keepMostSpecific(findings: readonly Finding[], supersedesOf: (ruleId: string) => readonly string[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.location.file}\u0000${finding.resource?.kind ?? ''}/${finding.resource?.namespace ?? ''}/${finding.resource?.name ?? ''}\u0000${finding.path ?? ''}\u0000${finding.within ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const dropped = new Set<Finding>();
  const replaced = new Map<Finding, Finding>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const specific of group) {
      const superseded = supersedesOf(specific.ruleId);
      if (superseded.length === 0) continue;
      const generics = group.filter((other) => other !== specific && superseded.includes(other.ruleId));
      if (generics.length === 0) continue;
      for (const generic of generics) dropped.add(generic);
      const severity = [specific, ...generics].reduce((best, finding) => (severityRank(finding.severity) > severityRank(best) ? finding.severity : best), specific.severity);
      replaced.set(specific, { ...specific, severity, alsoMatched: [...new Set([...(specific.alsoMatched ?? []), ...generics.map((generic) => generic.ruleId)])].sort() });
    }
  }
  return findings.filter((finding) => !dropped.has(finding)).map((finding) => replaced.get(finding) ?? finding);
}

/**
 * One finding where several Terraform root configurations call the same module: each evaluation reports
 * the module's resource again, with the same rule, place and message. The first is kept.
 */
export function dropRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const { file, startLine, startColumn, endLine, endColumn } = finding.location;
    const key = `${finding.ruleId}\u0000${file}\u0000${startLine}:${startColumn}-${endLine}:${endColumn}\u0000${finding.within ?? ''}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Report order: file, line, column, rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Code-unit order, independent of locale, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
