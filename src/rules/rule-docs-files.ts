import { DIAGNOSTICS } from './diagnostics.js';
import { RULES } from './index.js';
import { renderRuleDoc, renderRuleIndex } from './rule-docs.js';

/** File name → content of every page under docs/rules/. */
export function expectedRuleDocs(): Map<string, string> {
  const metas = [...RULES.map((rule) => rule.meta), ...DIAGNOSTICS].sort((a, b) => a.id.localeCompare(b.id));
  const files = new Map<string, string>([['README.md', renderRuleIndex(metas)]]);
  for (const meta of metas) files.set(`${meta.id}.md`, renderRuleDoc(meta));
  return files;
}
