import type { FileRecord, Finding, FindingLocation, Mappings, Severity, SuppressionKind } from '../findings/finding.js';
import { compareFindings, compareText } from '../findings/most-specific.js';
import type { ScanResult } from '../findings/scan-result.js';
import type { RuleMeta } from '../rules/define-rule.js';
import type { DiagnosticMeta } from '../rules/diagnostics.js';
import { renderRuleDoc } from '../rules/rule-docs.js';
import { resourceLabel } from './summary.js';

/** `$schema` of the SARIF log; the URI GitHub's documentation and the SARIF validator use. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * Key of `result.partialFingerprints`. Versioned, because code scanning matches alerts across runs by
 * it: changing how fingerprints are computed must change the key, not silently reopen every alert.
 */
export const SARIF_FINGERPRINT_KEY = 'inferguardFingerprint/v1';

/** The uriBaseId of every artifact location: URIs are relative to the scan root (the checkout in CI). */
export const SARIF_SRCROOT = '%SRCROOT%';

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  /** inferguard's own version, recorded in `tool.driver.semanticVersion`. */
  readonly toolVersion: string;
  /** Every rule that may have run; each becomes a `reportingDescriptor`, sorted by id. */
  readonly rules: readonly (RuleMeta | DiagnosticMeta)[];
  readonly informationUri?: string;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type Level = 'error' | 'warning' | 'note';

/** GitHub maps security-severity to its own scale: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, < 4 low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Readonly<Record<Severity, Level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SUPPRESSION_KIND: Readonly<Record<SuppressionKind, 'inSource' | 'external'>> = {
  inline: 'inSource',
  annotation: 'inSource',
  config: 'external',
  baseline: 'external',
};
/** GitHub keeps at most 20 tags per rule. */
const MAX_TAGS = 20;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every given rule as a
 * descriptor (sorted by id, so `ruleIndex` is stable), URIs relative to `%SRCROOT%`, no timestamps.
 * Suppressed findings are kept with `suppressions`; skipped and failed files become tool execution
 * notifications, and `executionSuccessful` is false when the scan is incomplete.
 */
export function renderSarif(result: ScanResult, options: SarifOptions): string {
  const findings = [...result.findings].sort(compareFindings);
  const metas = new Map<string, RuleMeta | DiagnosticMeta>();
  for (const meta of options.rules) if (!metas.has(meta.id)) metas.set(meta.id, meta);
  // A finding whose rule was not passed in still gets a descriptor: code scanning reads title and severity from it.
  for (const finding of findings) if (!metas.has(finding.ruleId)) metas.set(finding.ruleId, metaFromFinding(finding));
  const rules = [...metas.values()].sort((a, b) => compareText(a.id, b.id));
  const ruleIndex = new Map(rules.map((meta, index) => [meta.id, index]));

  const log: Json = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'inferguard',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            ...(options.informationUri !== undefined ? { informationUri: options.informationUri } : {}),
            rules: rules.map(descriptorOf),
          },
        },
        // A description, not an absolute URI: the report must not leak the scanning machine's paths,
        // and GitHub resolves %SRCROOT% to the checkout itself.
        originalUriBaseIds: {
          [SARIF_SRCROOT]: { description: { text: 'The directory inferguard was run from; every artifact URI is relative to it.' } },
        },
        invocations: [invocationOf(result)],
        results: findings.map((finding) => resultOf(finding, ruleIndex.get(finding.ruleId) ?? -1)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function descriptorOf(meta: RuleMeta | DiagnosticMeta): Json {
  const helpText = [meta.rationale, `How to fix: ${meta.remediation}`, ...(meta.references.length ? ['References:', ...meta.references.map((reference) => `- ${reference}`)] : [])];
  return {
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    ...(meta.references[0] !== undefined ? { helpUri: meta.references[0] } : {}),
    help: { text: helpText.join('\n\n'), markdown: renderRuleDoc(meta) },
    defaultConfiguration: { level: LEVEL[meta.severity], ...(meta.defaultEnabled === false ? { enabled: false } : {}) },
    properties: {
      'security-severity': SECURITY_SEVERITY[meta.severity],
      tags: tagsOf(meta.mappings),
      precision: 'high',
    },
  };
}

/** `security` first (GitHub only applies security-severity to rules tagged so), then one tag per mapping. */
function tagsOf(mappings: Mappings): string[] {
  const tags = [
    'security',
    ...(mappings.stride ?? []).map((letter) => `STRIDE-${letter}`),
    ...(mappings.cis ?? []).map((id) => `CIS-${id}`),
    ...(mappings.nist ?? []).map((id) => `NIST-${id}`),
    ...(mappings.atlas ?? []).map((id) => `ATLAS-${id}`),
    ...(mappings.owasp ?? []).map((id) => `OWASP-${id}`),
  ];
  return [...new Set(tags)].slice(0, MAX_TAGS);
}

function metaFromFinding(finding: Finding): DiagnosticMeta {
  return {
    id: finding.ruleId,
    name: finding.ruleName,
    title: finding.title,
    severity: finding.severity,
    rationale: finding.title,
    remediation: finding.remediation,
    references: [],
    mappings: finding.mappings,
    messages: {},
  };
}

function resultOf(finding: Finding, ruleIndex: number): Json {
  const { related, suppression, resource } = finding;
  const finalStep = { location: { physicalLocation: physicalLocationOf(finding.location), message: { text: sentence(finding.message) } } };
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: sentence(finding.message) },
    locations: [
      {
        physicalLocation: physicalLocationOf(finding.location),
        ...(resource ? { logicalLocations: [{ name: resource.name ?? resource.kind, fullyQualifiedName: resourceLabel(resource), kind: 'resource' }] } : {}),
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    ...(related.length > 0
      ? {
          relatedLocations: related.map((hop, index) => ({ id: index + 1, physicalLocation: physicalLocationOf(hop), message: { text: sentence(hop.message) } })),
          // The attack path in order: each hop, then the finding it leads to.
          codeFlows: [
            {
              threadFlows: [
                {
                  locations: [
                    ...related.map((hop) => ({ location: { physicalLocation: physicalLocationOf(hop), message: { text: sentence(hop.message) } } })),
                    finalStep,
                  ],
                },
              ],
            },
          ],
        }
      : {}),
    ...(suppression
      ? {
          suppressions: [
            {
              kind: SUPPRESSION_KIND[suppression.kind],
              status: 'accepted',
              justification: suppression.reason,
              ...(suppression.location ? { location: { physicalLocation: physicalLocationOf(suppression.location) } } : {}),
              properties: { inferguardKind: suppression.kind, ...(suppression.until !== undefined ? { until: suppression.until } : {}) },
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      // Findings raised on GPU / model-server containers are more severe than their rule's default.
      'security-severity': SECURITY_SEVERITY[finding.severity],
      ruleName: finding.ruleName,
      ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
      ...(resource ? { resource: resourceLabel(resource) } : {}),
      ...(finding.path !== undefined ? { path: finding.path } : {}),
      ...(finding.alsoMatched?.length ? { alsoMatched: [...finding.alsoMatched] } : {}),
    },
  };
}

function physicalLocationOf(location: FindingLocation): Json {
  return { artifactLocation: artifactOf(location.file), region: regionOf(location) };
}

function artifactOf(file: string): Json {
  return { uri: uriOf(file), uriBaseId: SARIF_SRCROOT };
}

/** An empty span (a point, e.g. a parse error) is given by its start only: SARIF then means the rest of the line. */
function regionOf(location: FindingLocation): Json {
  const { startLine, startColumn, endLine, endColumn } = location;
  const empty = endLine < startLine || (endLine === startLine && endColumn <= startColumn);
  return empty ? { startLine, startColumn } : { startLine, startColumn, endLine, endColumn };
}

/**
 * A relative URI reference: each path segment percent-encoded, so that spaces, `#`, `%` and a `:` in the
 * first segment (which would read as a scheme) survive.
 */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function invocationOf(result: ScanResult): Json {
  const notifications = result.files.filter((file) => file.status !== 'scanned').map(fileNotification);
  return {
    executionSuccessful: !result.incomplete,
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
    ...(result.notices.length > 0 ? { toolConfigurationNotifications: result.notices.map((notice) => ({ level: 'note', message: { text: sentence(notice) } })) } : {}),
  };
}

function fileNotification(file: FileRecord): Json {
  return {
    level: file.status === 'error' ? 'error' : 'note',
    message: { text: sentence(`${file.status === 'error' ? 'File could not be fully loaded' : 'File skipped'}: ${file.reason ?? file.status}`) },
    locations: [{ physicalLocation: { artifactLocation: artifactOf(file.path) } }],
  };
}

/** SARIF viewers show messages as sentences (the validator flags a missing final period). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
