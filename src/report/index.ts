import type { ScanResult } from '../findings/scan-result.js';
import type { RuleMeta } from '../rules/define-rule.js';
import type { DiagnosticMeta } from '../rules/diagnostics.js';
import type { SourceFile } from '../source/source-file.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export { renderJson, REPORT_SCHEMA_URI, REPORT_SCHEMA_VERSION } from './json.js';
export type { JsonOptions } from './json.js';
export { renderSarif, SARIF_FINGERPRINT_KEY, SARIF_SCHEMA_URI, SARIF_SRCROOT } from './sarif.js';
export type { SarifOptions } from './sarif.js';
export { renderText } from './text.js';
export type { TextOptions } from './text.js';

/** The report formats `--format` and `--output` accept. */
export type ReportFormat = 'text' | 'json' | 'sarif';

/** Every format, in the order help text lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Everything any reporter may need; each format reads only its part. */
export interface ReportContext {
  readonly toolVersion: string;
  /** Rule and diagnostic metadata, for SARIF rule descriptors. */
  readonly rules: readonly (RuleMeta | DiagnosticMeta)[];
  /** Scanned files by report path, for the source lines of the text report. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** ANSI colours in the text report. */
  readonly color: boolean;
  /** Show suppressed findings in the text report. */
  readonly verbose?: boolean;
  /** `tool.driver.informationUri` in SARIF. */
  readonly informationUri?: string;
}

/** Renders a scan result in one format; the returned string ends with a newline. */
export function renderReport(format: ReportFormat, result: ScanResult, context: ReportContext): string {
  switch (format) {
    case 'text':
      return renderText(result, {
        color: context.color,
        sources: context.sources,
        verbose: context.verbose,
        redactedRules: new Set(context.rules.filter((meta) => 'sensitiveSource' in meta && meta.sensitiveSource).map((meta) => meta.id)),
      });
    case 'json':
      return renderJson(result, { toolVersion: context.toolVersion });
    case 'sarif':
      return renderSarif(result, { toolVersion: context.toolVersion, rules: context.rules, informationUri: context.informationUri });
  }
}
