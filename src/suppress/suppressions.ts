import type { Finding, FindingLocation, Suppression } from '../findings/finding.js';
import { locate } from '../engine/locate.js';
import type { K8sObject } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import { isTerraformResource } from '../model/subject.js';
import type { SourceFile } from '../source/source-file.js';

export const IGNORE_ANNOTATION = 'inferguard.io/ignore';

/** One `inferguard:ignore` directive, from a comment or an annotation. */
export interface Directive {
  /** Rule ids or names it applies to. */
  readonly rules: readonly string[];
  readonly reason: string;
  readonly until?: string;
  readonly location: FindingLocation;
}

export interface SuppressionContext {
  /** The object each finding is about, when it has one. */
  readonly objectOf: (finding: Finding) => Subject | undefined;
  /** The first line of an object or resource (where a comment "above the resource" points). */
  readonly startLineOf: (object: Subject) => number;
  /** Rule id → rule name, so that directives may use either. */
  readonly nameOf: (ruleId: string) => string | undefined;
  /** Today as YYYY-MM-DD: a directive whose `until` is before it has expired. */
  readonly today: string;
}

export interface SuppressionResult {
  readonly findings: Finding[];
  /** Problems with directives: missing reasons, bad dates, expired entries. */
  readonly notices: string[];
}

const COMMENT_DIRECTIVE = /(?:^|\s)(?:#|\/\/)\s*inferguard:ignore\b(.*)$/;
const UNTIL = /\buntil=(\S+)/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ParsedDirective {
  rules: string[];
  reason: string;
  until?: string;
  problem?: string;
}

/** `IG-K8S-103,runs-as-root until=2026-12-31 the reason` → its parts. */
export function parseDirectiveText(text: string): ParsedDirective {
  let rest = text.trim();
  let until: string | undefined;
  const untilMatch = UNTIL.exec(rest);
  if (untilMatch) {
    until = untilMatch[1];
    rest = (rest.slice(0, untilMatch.index) + rest.slice(untilMatch.index + untilMatch[0].length)).trim();
  }
  const rulesMatch = /^([A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*)\s*:?\s*(.*)$/s.exec(rest);
  const rules = rulesMatch ? (rulesMatch[1] as string).split(',').map((rule) => rule.trim()) : [];
  const reason = rulesMatch ? (rulesMatch[2] as string).replace(/^[-:–—\s]+/, '').trim() : '';
  const directive: ParsedDirective = { rules, reason, ...(until !== undefined ? { until } : {}) };
  if (rules.length === 0) directive.problem = 'names no rule';
  else if (!reason) directive.problem = 'gives no reason (a reason is required)';
  else if (until !== undefined && !DATE.test(until)) directive.problem = `has an invalid until= date '${until}' (use YYYY-MM-DD)`;
  return directive;
}

/** Directives written as comments in a file: `# inferguard:ignore IG-K8S-103 reason`. */
export function commentDirectives(file: SourceFile): Array<{ directive: ParsedDirective; line: number; targetLine: number; column: number }> {
  const out: Array<{ directive: ParsedDirective; line: number; targetLine: number; column: number }> = [];
  if (!file.text.includes('inferguard:ignore')) return out;
  const lineCount = file.lineCount;
  for (let line = 1; line <= lineCount; line++) {
    const text = file.lineText(line);
    const match = COMMENT_DIRECTIVE.exec(text);
    if (!match) continue;
    const column = text.indexOf('inferguard:ignore') + 1;
    const ownLine = /^\s*(#|\/\/)/.test(text);
    let targetLine = line;
    if (ownLine) {
      // A comment on its own line applies to the next line that is not blank, a comment or a document marker.
      targetLine = line + 1;
      while (targetLine <= lineCount && /^\s*(#.*|\/\/.*|---\s*|)$/.test(file.lineText(targetLine))) targetLine++;
    }
    out.push({ directive: parseDirectiveText(match[1] as string), line, targetLine, column });
  }
  return out;
}

/** Directives in an object's `inferguard.io/ignore` annotation: `ID: reason` entries separated by `;` or new lines. */
export function annotationDirectives(object: K8sObject): ParsedDirective[] {
  const value = object.annotations[IGNORE_ANNOTATION];
  if (value === undefined) return [];
  return value
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map(parseDirectiveText);
}

/**
 * Marks findings covered by a directive as suppressed (they stay in the results). A directive on or
 * above a line covers findings that start on that line; above an object's first line, the whole object.
 */
export function applySuppressions(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>, objects: readonly Subject[], context: SuppressionContext): SuppressionResult {
  const notices: string[] = [];
  const byLine = new Map<string, Array<{ directive: ParsedDirective; location: FindingLocation }>>();
  const byObject = new Map<Subject, Array<{ directive: ParsedDirective; location: FindingLocation; kind: 'inline' | 'annotation' }>>();
  const objectsByStart = new Map<string, Subject[]>();
  for (const object of objects) {
    const key = `${object.file.path}:${context.startLineOf(object)}`;
    const list = objectsByStart.get(key);
    if (list) list.push(object);
    else objectsByStart.set(key, [object]);
  }

  const usable = (directive: ParsedDirective, where: string): boolean => {
    if (directive.problem) {
      notices.push(`Suppression at ${where} ${directive.problem}; it is ignored.`);
      return false;
    }
    return true;
  };

  for (const file of files.values()) {
    for (const entry of commentDirectives(file)) {
      const location: FindingLocation = { file: file.path, startLine: entry.line, startColumn: entry.column, endLine: entry.line, endColumn: entry.column };
      if (!usable(entry.directive, `${file.path}:${entry.line}`)) continue;
      const owners = entry.line !== entry.targetLine ? objectsByStart.get(`${file.path}:${entry.targetLine}`) : undefined;
      if (owners) {
        for (const object of owners) pushTo(byObject, object, { directive: entry.directive, location, kind: 'inline' });
      } else {
        pushTo(byLine, `${file.path}:${entry.targetLine}`, { directive: entry.directive, location });
      }
    }
  }
  for (const object of objects) {
    if (isTerraformResource(object)) continue;
    const directives = annotationDirectives(object);
    if (directives.length === 0) continue;
    const location = locate(object.root.get('metadata', 'annotations', IGNORE_ANNOTATION)).location;
    for (const directive of directives) {
      if (!usable(directive, `${object.file.path} (${object.kind} ${object.name ?? ''} annotation ${IGNORE_ANNOTATION})`)) continue;
      pushTo(byObject, object, { directive, location, kind: 'annotation' });
    }
  }

  const expiredSeen = new Set<string>();
  const result = findings.map((finding) => {
    const object = context.objectOf(finding);
    const candidates: Array<{ directive: ParsedDirective; location: FindingLocation; kind: 'inline' | 'annotation' }> = [
      ...(byLine.get(`${finding.location.file}:${finding.location.startLine}`) ?? []).map((entry) => ({ ...entry, kind: 'inline' as const })),
      ...(object ? (byObject.get(object) ?? []) : []),
    ];
    for (const candidate of candidates) {
      // A finding that folded generic ids (F.10) answers to them too: `ignore IG-K8S-101` written before
      // IG-K8S-001 took over the privileged flag of a GPU container still applies to the same problem.
      const ids = [finding.ruleId, ...(finding.alsoMatched ?? [])];
      if (!ids.some((id) => matchesRule(candidate.directive.rules, id, context.nameOf(id)))) continue;
      const { until } = candidate.directive;
      if (until !== undefined && until < context.today) {
        const key = `${candidate.location.file}:${candidate.location.startLine}:${finding.ruleId}`;
        if (!expiredSeen.has(key)) {
          expiredSeen.add(key);
          notices.push(`Suppression of ${finding.ruleId} at ${candidate.location.file}:${candidate.location.startLine} expired on ${until}; the finding is reported again.`);
        }
        continue;
      }
      const suppression: Suppression = {
        kind: candidate.kind,
        reason: candidate.directive.reason,
        ...(until !== undefined ? { until } : {}),
        location: candidate.location,
      };
      return { ...finding, suppression };
    }
    return finding;
  });
  return { findings: result, notices };
}

function matchesRule(rules: readonly string[], ruleId: string, ruleName: string | undefined): boolean {
  return rules.some((rule) => rule === ruleId || rule === ruleName);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
