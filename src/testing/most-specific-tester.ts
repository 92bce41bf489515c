import { readFileSync } from 'node:fs';
import { runRules } from '../engine/run-rules.js';
import type { Finding } from '../findings/finding.js';
import { keepMostSpecific } from '../findings/most-specific.js';
import { adaptKubernetes } from '../model/adapt/kubernetes.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import type { Rule } from '../rules/define-rule.js';
import { SourceFile } from '../source/source-file.js';

/**
 * Runs a specific rule together with the generic rules it supersedes over one file and keeps one
 * finding per problem, as the scan pipeline does (catalogue F.10).
 */
export function mostSpecificFindings(rules: readonly Rule[], path: string): Finding[] {
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile(path, readFileSync(path, 'utf8'))));
  const { findings } = runRules(model, rules);
  const supersedes = new Map(rules.map((rule) => [rule.meta.id, rule.meta.supersedes ?? []]));
  return keepMostSpecific(findings, (ruleId) => supersedes.get(ruleId) ?? []);
}

/** `IG-K8S-001@26 critical [IG-K8S-101]`: rule, line, severity and folded generic ids, sorted. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings
    .map((finding) => `${finding.ruleId}@${finding.location.startLine} ${finding.severity}${finding.alsoMatched?.length ? ` [${finding.alsoMatched.join(',')}]` : ''}`)
    .sort();
}
