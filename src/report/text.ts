import type { Finding, FindingLocation, Severity } from '../findings/finding.js';
import { SEVERITIES } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import { compareFindings, compareText } from '../findings/most-specific.js';
import type { SourceFile } from '../source/source-file.js';
import { resourceLabel, summarize } from './summary.js';

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colours; when false the output contains no escape sequence at all. */
  readonly color: boolean;
  /** Scanned files by report path, to quote the offending line. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Also show suppressed findings (by default they are only counted). */
  readonly verbose?: boolean;
  /** Rules whose flagged text is a secret: the quoted line shows asterisks over the span. */
  readonly redactedRules?: ReadonlySet<string>;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Readonly<Record<Severity, readonly Style[]>> = {
  critical: ['bold', 'magenta'],
  high: ['bold', 'red'],
  medium: ['yellow'],
  low: ['blue'],
  info: ['dim'],
};

/** Long lines (minified JSON) are cut to a window around the span so the caret stays on screen. */
const SNIPPET_WIDTH = 160;
const SNIPPET_LEAD = 40;

/**
 * The human report: findings grouped by file with the offending line and a caret under the span,
 * then notices, skipped / failed files and a summary. Suppressed findings are only counted unless
 * `verbose`. Text from scanned files is escaped so a manifest cannot inject terminal escape codes.
 */
export function renderText(result: ScanResult, options: TextOptions): string {
  const paint = (text: string, ...styles: readonly Style[]): string =>
    options.color && styles.length > 0 ? styles.map((style) => ANSI[style]).join('') + text + ANSI.reset : text;
  const lines: string[] = [];

  const shown = [...result.findings].sort(compareFindings).filter((finding) => options.verbose || !finding.suppression);
  for (const [file, findings] of groupByFile(shown)) {
    lines.push(paint(clean(file), 'bold', 'cyan'));
    for (const finding of findings) lines.push(...renderFinding(finding, options.sources.get(file), paint, options.redactedRules?.has(finding.ruleId) ?? false), '');
  }

  const summary = summarize(result);
  if (shown.length === 0) lines.push(paint(summary.suppressed > 0 ? 'No unsuppressed findings.' : 'No findings.', 'green'), '');

  if (result.notices.length > 0) {
    lines.push(paint('Notices', 'bold'));
    for (const notice of result.notices) lines.push(`  - ${clean(oneLine(notice))}`);
    lines.push('');
  }

  for (const [status, heading] of [
    ['skipped', 'Skipped files'],
    ['error', 'Files with errors'],
  ] as const) {
    const files = result.files.filter((file) => file.status === status).sort((a, b) => compareText(a.path, b.path));
    if (files.length === 0) continue;
    lines.push(paint(`${heading} (${files.length})`, 'bold'));
    for (const file of files) lines.push(`  ${clean(file.path)}: ${clean(oneLine(file.reason ?? status))}`);
    lines.push('');
  }

  const counts = SEVERITIES.map((severity) => {
    const count = summary.bySeverity[severity];
    return count > 0 ? paint(`${count} ${severity}`, ...SEVERITY_STYLE[severity]) : `${count} ${severity}`;
  });
  const hidden = options.verbose ? '' : '; --verbose shows them';
  lines.push(paint('Summary', 'bold'));
  lines.push(`  findings: ${counts.join(', ')}${summary.suppressed > 0 ? ` (${summary.suppressed} suppressed${hidden})` : ''}`);
  lines.push(`  files:    ${summary.files.scanned} scanned, ${summary.files.skipped} skipped, ${summary.files.error} errored`);
  if (summary.incomplete) lines.push(`  ${paint('result is PARTIAL', 'bold', 'yellow')}: some input was not reviewed (see the errors above)`);
  if (summary.failOn === 'none') lines.push('  fail threshold: none (findings do not fail the scan)');
  else lines.push(`  fail threshold ${summary.failOn}: ${summary.failed ? paint('reached', 'bold', 'red') : paint('not reached', 'green')}`);
  return lines.join('\n') + '\n';
}

function renderFinding(finding: Finding, source: SourceFile | undefined, paint: (text: string, ...styles: readonly Style[]) => string, redact: boolean): string[] {
  const { location } = finding;
  const severity = paint(finding.severity.toUpperCase().padEnd(8), ...(finding.suppression ? (['dim'] as const) : SEVERITY_STYLE[finding.severity]));
  const lines = [`  ${severity} ${paint(finding.ruleId, 'bold')}  ${clean(finding.title)}${finding.suppression ? paint('  [suppressed]', 'dim') : ''}`];
  for (const line of finding.message.trimEnd().split(/\r?\n/)) lines.push(`    ${clean(line)}`.trimEnd());
  const where = finding.resource ? `${formatLocation(location)} (${clean(resourceLabel(finding.resource))})` : formatLocation(location);
  lines.push(`    ${paint('at', 'dim')} ${where}`);

  const quoted = source && location.startLine <= source.lineCount ? source.lineText(location.startLine) : undefined;
  const snippet = quoted === undefined ? undefined : snippetOf(redact ? maskSpan(quoted, location) : quoted, location);
  if (snippet) {
    const gutter = String(location.startLine);
    lines.push(`      ${paint(`${gutter} |`, 'dim')} ${snippet.source}`);
    lines.push(`      ${paint(`${' '.repeat(gutter.length)} |`, 'dim')} ${paint(snippet.marker, 'bold', 'red')}`);
  }

  lines.push(`    ${paint('fix:', 'green')} ${clean(oneLine(finding.remediation))}`);
  if (finding.alsoMatched?.length) lines.push(`    ${paint('also matches:', 'dim')} ${finding.alsoMatched.map(clean).join(', ')}`);
  if (finding.related.length > 0) {
    lines.push(`    ${paint('related:', 'dim')}`);
    for (const hop of finding.related) lines.push(`      ${formatLocation(hop)}  ${clean(oneLine(hop.message))}`);
  }
  if (finding.suppression) {
    const { kind, reason, until } = finding.suppression;
    lines.push(`    ${paint(`suppressed (${kind}):`, 'dim')} ${clean(oneLine(reason))}${until ? ` (until ${clean(until)})` : ''}`);
  }
  return lines;
}

/** The line with the span's value (to the end of the line, for a multi-line span) replaced by asterisks; a `key:` before it stays. */
function maskSpan(line: string, location: FindingLocation): string {
  const spanStart = Math.min(location.startColumn - 1, line.length);
  const start = spanStart + (/^[\w.-]+:\s*/.exec(line.slice(spanStart))?.[0].length ?? 0);
  const end = location.endLine === location.startLine ? Math.min(location.endColumn - 1, line.length) : line.length;
  return line.slice(0, start) + '*'.repeat(Math.max(0, end - start)) + line.slice(end);
}

/** Groups sorted findings by file, keeping their order inside each group. */
function groupByFile(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.location.file);
    if (group) group.push(finding);
    else groups.set(finding.location.file, [finding]);
  }
  return [...groups];
}

function formatLocation(location: FindingLocation): string {
  return `${clean(location.file)}:${location.startLine}:${location.startColumn}`;
}

/**
 * The source line and a marker line with carets under the span's first line. Both halves are escaped
 * the same way and the marker copies tabs from the source, so the carets line up.
 */
function snippetOf(line: string, location: FindingLocation): { source: string; marker: string } {
  const start = Math.min(Math.max(location.startColumn - 1, 0), line.length);
  let end = location.endLine === location.startLine ? Math.min(location.endColumn - 1, line.length) : line.length;
  if (end <= start) end = start;

  let from = 0;
  let to = line.length;
  if (line.length > SNIPPET_WIDTH) {
    from = Math.max(0, Math.min(start - SNIPPET_LEAD, line.length - SNIPPET_WIDTH));
    to = from + SNIPPET_WIDTH;
  }
  const before = clean(line.slice(from, start));
  const span = clean(line.slice(start, Math.min(end, to)));
  const after = clean(line.slice(Math.min(end, to), to));
  const lead = from > 0 ? '...' : '';
  return {
    source: lead + before + span + after + (to < line.length ? '...' : ''),
    marker: ' '.repeat(lead.length) + before.replace(/[^\t]/g, ' ') + '^'.repeat(Math.max(1, span.length)),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// C0/C1 controls (ESC starts terminal sequences) and bidi overrides ("Trojan Source") from scanned files.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function clean(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
