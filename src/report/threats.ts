// `inferguard threats` as Markdown (a pull-request comment, a design review) and JSON (versioned, for tools):
// per model endpoint, each STRIDE threat with its ATLAS techniques, the mitigations present (with the place
// that shows them) and missing (with the place they belong), and the findings that open it.
import type { FindingLocation } from '../findings/finding.js';
import { locate } from '../engine/locate.js';
import type { Locatable } from '../rules/define-rule.js';
import type { ControlEvidence, ControlState } from '../threats/controls.js';
import type { EndpointThreatModel, ThreatStatus } from '../threats/threat-model.js';
import { STRIDE_NAMES, THREATS } from '../threats/threat-model.js';
import { clean } from './text.js';

export const THREATS_SCHEMA_VERSION = 1;

export interface ThreatsJsonReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: 'inferguard'; readonly version: string };
  readonly incomplete: boolean;
  readonly summary: { readonly endpoints: number } & Readonly<Record<ThreatStatus, number>>;
  readonly endpoints: readonly ThreatsJsonEndpoint[];
}

export interface ThreatsJsonEndpoint {
  readonly id: string;
  readonly platform: string;
  readonly name: string;
  readonly threats: ReadonlyArray<{
    readonly id: string;
    readonly stride: string;
    readonly category: string;
    readonly title: string;
    readonly description: string;
    readonly atlas: readonly string[];
    readonly status: ThreatStatus;
    readonly mitigations: ReadonlyArray<{ readonly id: string; readonly title: string; readonly state: ControlState; readonly detail: string; readonly evidence: ReadonlyArray<{ readonly file: string; readonly line: number; readonly note: string }> }>;
    readonly findings: ReadonlyArray<{ readonly ruleId: string; readonly severity: string; readonly message: string; readonly file: string; readonly line: number }>;
  }>;
}

function whereOf(at: Locatable | FindingLocation): FindingLocation {
  return 'startLine' in at ? at : locate(at).location;
}

function evidenceJson(evidence: readonly ControlEvidence[]): Array<{ file: string; line: number; note: string }> {
  return evidence.map((item) => {
    const location = whereOf(item.at);
    return { file: location.file, line: location.startLine, note: item.note };
  });
}

export function threatsJson(models: readonly EndpointThreatModel[], options: { readonly toolVersion: string; readonly incomplete: boolean }): ThreatsJsonReport {
  const summary: Record<ThreatStatus, number> = { open: 0, gaps: 0, mitigated: 0, unverified: 0 };
  for (const model of models) for (const threat of model.threats) summary[threat.status]++;
  return {
    schemaVersion: THREATS_SCHEMA_VERSION,
    tool: { name: 'inferguard', version: options.toolVersion },
    incomplete: options.incomplete,
    summary: { endpoints: models.length, ...summary },
    endpoints: models.map(({ endpoint, threats }) => ({
      id: endpoint.id,
      platform: endpoint.platform,
      name: endpoint.name,
      threats: threats.map(({ threat, status, controls, findings }) => ({
        id: threat.id,
        stride: threat.stride,
        category: STRIDE_NAMES[threat.stride],
        title: threat.title,
        description: threat.description,
        atlas: threat.atlas,
        status,
        mitigations: controls.map((control) => ({ id: control.id, title: control.title, state: control.state, detail: control.detail, evidence: evidenceJson(control.evidence) })),
        findings: findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, file: finding.location.file, line: finding.location.startLine })),
      })),
    })),
  };
}

export function renderThreatsJson(models: readonly EndpointThreatModel[], options: { readonly toolVersion: string; readonly incomplete: boolean }): string {
  return `${JSON.stringify(threatsJson(models, options), null, 2)}\n`;
}

/** Text from scanned files in Markdown: no markup, no table breaks, no control characters. */
function md(text: string): string {
  return clean(text)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

function at(location: { readonly file: string; readonly line: number }): string {
  return `\`${clean(location.file).replace(/`/g, "'")}:${location.line}\``;
}

const STATUS_TEXT: Readonly<Record<ThreatStatus, string>> = { open: '**open**', gaps: 'gaps', mitigated: 'mitigated', unverified: 'unverified' };
const STATE_MARK: Readonly<Record<ControlState, string>> = { present: '✅ present', missing: '❌ missing', unknown: '❔ unknown', 'not-applicable': '➖ not applicable' };

export function renderThreatsMarkdown(models: readonly EndpointThreatModel[], options: { readonly toolVersion: string; readonly incomplete: boolean }): string {
  const report = threatsJson(models, options);
  const lines: string[] = ['# Threat model', ''];
  if (report.endpoints.length === 0) {
    lines.push('No model endpoint found: no model-server workload, SageMaker, Vertex AI or Azure ML endpoint in the scanned files.');
    return `${lines.join('\n')}\n`;
  }
  const { summary } = report;
  lines.push(
    `${summary.endpoints} model endpoint${summary.endpoints === 1 ? '' : 's'}, ${THREATS.length} STRIDE threats each: ${summary.open} open (a finding enables them), ${summary.gaps} with gaps (a mitigation is missing), ${summary.mitigated} mitigated, ${summary.unverified} unverified (nothing missing, but the files do not show every mitigation).${options.incomplete ? ' The scan is incomplete: some files could not be read.' : ''}`,
    '',
  );
  lines.push(`| Endpoint | ${THREATS.map((threat) => `${threat.id}`).join(' | ')} |`, `| --- | ${THREATS.map(() => '---').join(' | ')} |`);
  for (const endpoint of report.endpoints) lines.push(`| ${md(endpoint.name)} | ${endpoint.threats.map((threat) => STATUS_TEXT[threat.status]).join(' | ')} |`);
  lines.push('', THREATS.map((threat) => `${threat.id}: ${threat.title} (${STRIDE_NAMES[threat.stride]})`).join(' · '), '');
  for (const endpoint of report.endpoints) {
    lines.push(`## ${md(endpoint.name)}`, '', `Platform: ${endpoint.platform}`, '');
    for (const threat of endpoint.threats) {
      lines.push(`### ${threat.id} ${threat.title} — ${STATUS_TEXT[threat.status]}`, '', `${threat.category}. ${threat.description} ATLAS: ${threat.atlas.join(', ')}.`, '');
      if (threat.mitigations.length > 0) {
        lines.push('Mitigations:', '');
        for (const mitigation of threat.mitigations) {
          lines.push(`- ${STATE_MARK[mitigation.state]}: ${mitigation.title}. ${md(mitigation.detail)}`);
          for (const item of mitigation.evidence.slice(0, 5)) lines.push(`  - ${at(item)} ${md(item.note)}`);
          if (mitigation.evidence.length > 5) lines.push(`  - and ${mitigation.evidence.length - 5} more`);
        }
        lines.push('');
      }
      if (threat.findings.length > 0) {
        lines.push('Findings:', '');
        for (const finding of threat.findings) lines.push(`- ${finding.severity.toUpperCase()} ${finding.ruleId} ${at(finding)}: ${md(finding.message)}`);
        lines.push('');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
