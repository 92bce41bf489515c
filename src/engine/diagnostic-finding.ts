import type { Finding, FindingLocation } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { DiagnosticMeta } from '../rules/diagnostics.js';
import { formatMessage } from '../rules/format-message.js';

/** A finding about the scan itself (parse errors, skipped files), from reserved-id metadata. */
export function diagnosticFinding(
  meta: DiagnosticMeta,
  messageId: string,
  data: Readonly<Record<string, string | number>>,
  location: FindingLocation,
  discriminator = '',
): Finding {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message '${messageId}'`);
  return {
    ruleId: meta.id,
    ruleName: meta.name,
    messageId,
    severity: meta.severity,
    title: meta.title,
    message: formatMessage(template, data),
    location,
    remediation: meta.remediation,
    mappings: meta.mappings,
    fingerprint: fingerprintOf({ ruleId: meta.id, file: location.file, discriminator: `${messageId}:${discriminator}` }),
    related: [],
  };
}

export function fileStartLocation(file: string): FindingLocation {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}
