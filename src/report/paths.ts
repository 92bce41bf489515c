// `inferguard paths`: the attack paths of a scan (findings of the graph rules), worst first, each hop
// with its file:line, then the place the path leads to.
import type { Finding, FindingLocation } from '../findings/finding.js';
import { severityRank } from '../findings/finding.js';
import { compareFindings } from '../findings/most-specific.js';
import type { ScanResult } from '../findings/scan-result.js';
import { clean } from './text.js';

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', magenta: '\u001b[35m', yellow: '\u001b[33m' } as const;

/** The attack paths, worst first: severity, then the order of the scan report. */
export function attackPaths(result: ScanResult): Finding[] {
  return result.findings.filter((finding) => !finding.suppression).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b));
}

function where(location: FindingLocation): string {
  return `${clean(location.file)}:${location.startLine}:${location.startColumn}`;
}

/** Text: one numbered path per finding, hop by hop. */
export function renderPathsText(result: ScanResult, options: { readonly color: boolean }): string {
  const paint = (text: string, ...styles: Array<keyof typeof ANSI>): string => (options.color ? styles.map((style) => ANSI[style]).join('') + text + ANSI.reset : text);
  const paths = attackPaths(result);
  const lines: string[] = [];
  paths.forEach((finding, index) => {
    const severity = finding.severity.toUpperCase();
    const style = finding.severity === 'critical' ? 'magenta' : finding.severity === 'high' ? 'red' : 'yellow';
    lines.push(`${paint(`[${index + 1}]`, 'bold')} ${paint(severity, 'bold', style)}  ${finding.ruleId}  ${clean(finding.title)}`);
    lines.push(`    ${clean(finding.message)}`);
    const hops = finding.related.map((hop) => `${where(hop)}  ${clean(hop.message.replace(/\s+/g, ' '))}`);
    hops.forEach((hop, position) => lines.push(`    ${paint(position === 0 ? 'from' : '  ->', 'dim')}  ${hop}`));
    lines.push(`    ${paint(hops.length === 0 ? 'at' : '  =>', 'dim')}  ${where(finding.location)}  ${paint(`(${finding.ruleName})`, 'dim')}`);
    lines.push('');
  });
  if (paths.length === 0) lines.push('No attack paths found.');
  else {
    const counts = new Map<string, number>();
    for (const finding of paths) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
    lines.push(`${paths.length} attack path${paths.length === 1 ? '' : 's'} (${[...counts].map(([severity, count]) => `${count} ${severity}`).join(', ')})${result.incomplete ? '; the scan is incomplete' : ''}.`);
  }
  return `${lines.join('\n')}\n`;
}
