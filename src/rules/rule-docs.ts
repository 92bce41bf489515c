import type { RuleMeta } from './define-rule.js';
import type { DiagnosticMeta } from './diagnostics.js';

const MAPPING_LABELS: ReadonlyArray<[keyof RuleMeta['mappings'], string]> = [
  ['stride', 'STRIDE'],
  ['atlas', 'MITRE ATLAS'],
  ['owasp', 'OWASP'],
  ['cis', 'CIS Kubernetes v1.10'],
  ['nist', 'NIST SP 800-53 Rev. 5'],
];

/** The Markdown page of a rule: `docs/rules/<id>.md`, `rules explain`, and SARIF help share it. */
export function renderRuleDoc(meta: RuleMeta | DiagnosticMeta): string {
  const lines: string[] = [];
  lines.push(`# ${meta.id} ${meta.name}`, '', `**${meta.title}**`, '');
  lines.push(`| | |`, `| --- | --- |`, `| Severity | ${meta.severity} |`);
  if ('targets' in meta) lines.push(`| Targets | ${meta.targets.map((target) => `\`${target}\``).join(', ')} |`);
  if ('fix' in meta) lines.push(`| Fix | ${meta.fix} |`);
  if (meta.defaultEnabled === false) lines.push(`| Enabled by default | no |`);
  if (meta.supersedes?.length) lines.push(`| Replaces | ${meta.supersedes.join(', ')} (one finding per problem) |`);
  for (const [key, label] of MAPPING_LABELS) {
    const values = meta.mappings[key];
    if (values?.length) lines.push(`| ${label} | ${values.join(', ')} |`);
  }
  lines.push('', '## Why it matters', '', meta.rationale, '', '## How to fix', '', meta.remediation, '');
  if ('examples' in meta) {
    lines.push('## Example that fires', '', '```yaml', meta.examples.bad.trimEnd(), '```', '');
    lines.push('## Example that passes', '', '```yaml', meta.examples.good.trimEnd(), '```', '');
  }
  if (meta.references.length) {
    lines.push('## References', '');
    for (const reference of meta.references) lines.push(`- ${reference}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The index page `docs/rules/README.md`. */
export function renderRuleIndex(metas: readonly (RuleMeta | DiagnosticMeta)[]): string {
  const lines = ['# Rules', '', 'Generated from rule metadata by `npm run docs`; a test fails when this folder is stale.', ''];
  lines.push('| id | name | severity | title |', '| --- | --- | --- | --- |');
  for (const meta of metas) lines.push(`| [${meta.id}](${meta.id}.md) | ${meta.name} | ${meta.severity} | ${meta.title} |`);
  return lines.join('\n') + '\n';
}
