// A rule built on other rules' verdicts (IG-GRAPH-001 asks the per-server rules whether a server's control
// plane is open, then traces the internet path to it) runs them here, silently: one answer per scan, and
// the server-specific checks live in one place only.
import { resolveRuleOptions } from '../config/rule-options.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import type { TerraformModel } from '../model/terraform.js';
import type { Report, Rule, RuleVisitors } from './define-rule.js';

export interface ComposedReport {
  readonly report: Report;
  /** The object or resource the report is about: the one it names, else the one being visited. */
  readonly subject: Subject | undefined;
}

const cache = new WeakMap<Rule, WeakMap<KubernetesModel, WeakMap<TerraformModel, readonly ComposedReport[]>>>();

/** What `rule` reports on this scan with its default options, without reporting it. A crash is thrown to the caller: the composing rule crashes (IG-ENGINE-001). */
export function reportsOf(rule: Rule, model: KubernetesModel, terraform: TerraformModel): readonly ComposedReport[] {
  let byModel = cache.get(rule);
  if (!byModel) cache.set(rule, (byModel = new WeakMap()));
  let byTerraform = byModel.get(model);
  if (!byTerraform) byModel.set(model, (byTerraform = new WeakMap()));
  let reports = byTerraform.get(terraform);
  if (!reports) byTerraform.set(terraform, (reports = run(rule, model, terraform)));
  return reports;
}

function run(rule: Rule, model: KubernetesModel, terraform: TerraformModel): ComposedReport[] {
  const out: ComposedReport[] = [];
  let current: Subject | undefined;
  // The composing rule's own crash guard covers these calls: a crash there is the composing rule's, reported by the engine.
  const visitors: RuleVisitors = rule.create({
    model,
    terraform,
    options: resolveRuleOptions(rule.meta.options, undefined),
    report: (report) => out.push({ report, subject: report.object ?? current }),
  });
  const visit = (subject: Subject | undefined, call: () => void): void => {
    current = subject;
    call();
    current = undefined;
  };
  if (visitors.object) for (const object of model.objects) visit(object, () => visitors.object?.(object));
  if (visitors.resource) for (const resource of terraform.resources) visit(resource, () => visitors.resource?.(resource));
  if (visitors.workload || visitors.container) {
    for (const workload of model.workloads) {
      if (visitors.workload) visit(workload.object, () => visitors.workload?.(workload));
      if (visitors.container) for (const container of workload.containers) visit(workload.object, () => visitors.container?.(container));
    }
  }
  if (visitors.end) visit(undefined, visitors.end);
  return out;
}
