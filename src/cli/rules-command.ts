import { DIAGNOSTICS } from '../rules/diagnostics.js';
import type { DiagnosticMeta } from '../rules/diagnostics.js';
import type { RuleMeta } from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { renderRuleDoc } from '../rules/rule-docs.js';
import { UsageError } from './usage-error.js';

function allMetas(): Array<RuleMeta | DiagnosticMeta> {
  return [...RULES.map((rule) => rule.meta), ...DIAGNOSTICS].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function listRules(options: { prefix?: string; severity?: string; json?: boolean }): string {
  const prefix = options.prefix?.toUpperCase();
  const metas = allMetas().filter((meta) => (!prefix || meta.id.startsWith(prefix)) && (!options.severity || meta.severity === options.severity));
  if (options.json) {
    return JSON.stringify(metas.map((meta) => ({ id: meta.id, name: meta.name, severity: meta.severity, title: meta.title })), null, 2) + '\n';
  }
  const idWidth = Math.max(2, ...metas.map((meta) => meta.id.length));
  const nameWidth = Math.max(4, ...metas.map((meta) => meta.name.length));
  const lines = metas.map((meta) => `${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(8)}  ${meta.name.padEnd(nameWidth)}  ${meta.title}`);
  return [`${'ID'.padEnd(idWidth)}  ${'SEVERITY'}  ${'NAME'.padEnd(nameWidth)}  TITLE`, ...lines, `${metas.length} rules`].join('\n') + '\n';
}

export function explainRule(idOrName: string): string {
  const wanted = idOrName.trim();
  const meta = allMetas().find((candidate) => candidate.id.toUpperCase() === wanted.toUpperCase() || candidate.name === wanted);
  if (!meta) throw new UsageError(`unknown rule '${idOrName}' (see 'inferguard rules')`);
  return renderRuleDoc(meta);
}
