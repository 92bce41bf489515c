import type { RuleOptionSchema } from '../config/rule-options.js';
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
  if ('examples' in meta && meta.options && Object.keys(meta.options).length > 0) lines.push(...renderOptions(meta.id, meta.options, meta.examples.options));
  if ('examples' in meta) {
    const withOptions = meta.examples.options ? ' (with the options above)' : '';
    const fence = '```' + (meta.examples.language ?? 'yaml');
    lines.push(`## Example that fires${withOptions}`, '', fence, meta.examples.bad.trimEnd(), '```', '');
    lines.push(`## Example that passes${withOptions}`, '', fence, meta.examples.good.trimEnd(), '```', '');
  }
  if (meta.references.length) {
    lines.push('## References', '');
    for (const reference of meta.references) lines.push(`- ${reference}`);
    lines.push('');
  }
  return lines.join('\n');
}

const TYPE_LABELS: Readonly<Record<string, string>> = { 'string[]': 'list of strings', string: 'string', number: 'number', boolean: 'boolean' };

/** The options table and a `.inferguard.yaml` snippet setting them (the example's values, else the defaults). */
function renderOptions(id: string, options: RuleOptionSchema, example: Readonly<Record<string, unknown>> | undefined): string[] {
  const lines = ['## Options', '', 'Set under the rule (by id or name) in `.inferguard.yaml`; unknown options and wrong types are configuration errors.', ''];
  lines.push('| option | type | default | description |', '| --- | --- | --- | --- |');
  for (const [name, spec] of Object.entries(options)) {
    lines.push(`| \`${name}\` | ${TYPE_LABELS[spec.type] ?? spec.type} | \`${yamlValue(spec.default)}\` | ${spec.description} |`);
  }
  lines.push('', '```yaml', 'rules:', `  ${id}:`, '    options:');
  for (const [name, spec] of Object.entries(options)) lines.push(`      ${name}: ${yamlValue(example !== undefined && Object.hasOwn(example, name) ? example[name] : spec.default)}`);
  lines.push('```', '');
  return lines;
}

/** A value in YAML flow style; strings are quoted unless plain is unambiguous. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (typeof value === 'string') return /^[A-Za-z0-9][A-Za-z0-9._/=-]*$/.test(value) && !/^(true|false|null|on|off|yes|no|[0-9.]+)$/i.test(value) ? value : JSON.stringify(value);
  return String(value);
}

/** The index page `docs/rules/README.md`. */
export function renderRuleIndex(metas: readonly (RuleMeta | DiagnosticMeta)[]): string {
  const lines = ['# Rules', '', 'Generated from rule metadata by `npm run docs`; a test fails when this folder is stale.', ''];
  lines.push('| id | name | severity | title |', '| --- | --- | --- | --- |');
  for (const meta of metas) lines.push(`| [${meta.id}](${meta.id}.md) | ${meta.name} | ${meta.severity} | ${meta.title} |`);
  return lines.join('\n') + '\n';
}
