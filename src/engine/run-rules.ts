import type { Finding, RelatedLocation, ResourceRef, Severity } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { K8sObject, KubernetesModel } from '../model/kubernetes.js';
import type { Report, Rule, RuleContext, RuleVisitors } from '../rules/define-rule.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { ENGINE_CRASH } from '../rules/diagnostics.js';
import { locate, originOf } from './locate.js';

export interface RuleRunOptions {
  /** Severity overrides by rule id (from config). */
  readonly severityOverrides?: ReadonlyMap<string, Severity>;
}

export interface RuleRunResult {
  readonly findings: Finding[];
  /** The object each finding is about (suppressions and annotations need it). */
  readonly objectOf: ReadonlyMap<Finding, K8sObject>;
  /** True when a rule crashed: the scan is incomplete. */
  readonly crashed: boolean;
}

/** Runs every rule over the model. A rule that throws is reported as IG-ENGINE-001 and the others go on. */
export function runRules(model: KubernetesModel, rules: readonly Rule[], options: RuleRunOptions = {}): RuleRunResult {
  const findings: Finding[] = [];
  const objectOf = new Map<Finding, K8sObject>();
  let crashed = false;
  for (const rule of rules) {
    let current: K8sObject | undefined;
    const context: RuleContext = {
      model,
      report(report) {
        const object = report.object ?? current ?? objectOfReport(model, report);
        const finding = toFinding(rule, report, object, options);
        findings.push(finding);
        if (object) objectOf.set(finding, object);
      },
    };
    const guard = (object: K8sObject | undefined, call: () => void): void => {
      current = object;
      try {
        call();
      } catch (error) {
        crashed = true;
        const finding = crashFinding(rule, object, error);
        findings.push(finding);
        if (object) objectOf.set(finding, object);
      }
      current = undefined;
    };
    let visitors: RuleVisitors = {};
    guard(undefined, () => {
      visitors = rule.create(context);
    });
    const { object: visitObject, workload: visitWorkload, container: visitContainer, end } = visitors;
    if (visitObject) for (const object of model.objects) guard(object, () => visitObject(object));
    if (visitWorkload || visitContainer) {
      for (const workload of model.workloads) {
        if (visitWorkload) guard(workload.object, () => visitWorkload(workload));
        if (visitContainer) for (const container of workload.containers) guard(workload.object, () => visitContainer(container));
      }
    }
    if (end) guard(undefined, end);
  }
  return { findings, objectOf, crashed };
}

function objectOfReport(model: KubernetesModel, report: Report): K8sObject | undefined {
  if ('root' in report.at) return report.at as K8sObject;
  const origin = originOf(report.at);
  return model.objects.find((object) => object.doc === origin.doc && isPrefix(object.root.path, origin.path));
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

export function resourceRefOf(object: K8sObject | undefined): ResourceRef | undefined {
  if (!object) return undefined;
  return {
    kind: object.kind,
    apiVersion: object.apiVersion,
    ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
    ...(object.name !== undefined ? { name: object.name } : {}),
  };
}

function resourceKey(object: K8sObject | undefined): string {
  return object ? `${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}` : '';
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    return value === undefined ? whole : String(value);
  });
}

function toFinding(rule: Rule, report: Report, object: K8sObject | undefined, options: RuleRunOptions): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown messageId '${report.messageId}'`);
  const { location, pointer } = locate(report.at);
  const relativePointer = object ? pointer.slice(pointerOf(object.root.path).length) : pointer;
  const related: RelatedLocation[] = (report.related ?? []).map((hop) => ({ ...locate(hop.at).location, message: hop.message }));
  const severity = options.severityOverrides?.get(rule.meta.id) ?? report.severity ?? rule.meta.severity;
  const resource = resourceRefOf(object);
  return {
    ruleId: rule.meta.id,
    ruleName: rule.meta.name,
    messageId: report.messageId,
    severity,
    title: rule.meta.title,
    message: formatMessage(template, report.data),
    location,
    ...(resource ? { resource } : {}),
    path: relativePointer,
    remediation: rule.meta.remediation,
    mappings: rule.meta.mappings,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: location.file, resource: resourceKey(object), pointer: relativePointer, discriminator: report.messageId }),
    related,
  };
}

function crashFinding(rule: Rule, object: K8sObject | undefined, error: unknown): Finding {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const location = object ? locate(object).location : { file: '', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const resource = resourceRefOf(object);
  const where = object ? ` on ${object.kind} ${object.name ?? '(unnamed)'}` : '';
  return {
    ruleId: ENGINE_CRASH.id,
    ruleName: ENGINE_CRASH.name,
    severity: ENGINE_CRASH.severity,
    title: ENGINE_CRASH.title,
    message: `Rule ${rule.meta.id} (${rule.meta.name}) crashed${where}: ${cause}. This is a bug in inferguard; the scan is incomplete.`,
    location,
    ...(resource ? { resource } : {}),
    remediation: ENGINE_CRASH.remediation,
    mappings: ENGINE_CRASH.mappings,
    fingerprint: fingerprintOf({ ruleId: ENGINE_CRASH.id, file: location.file, resource: resourceKey(object), discriminator: rule.meta.id }),
    related: [],
  };
}
