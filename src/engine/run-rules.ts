import type { Finding, RelatedLocation, ResourceRef, Severity } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import { isTerraformResource } from '../model/subject.js';
import type { TerraformModel } from '../model/terraform.js';
import { buildTerraformModel } from '../model/terraform.js';
import type { Report, Rule, RuleContext, RuleVisitors } from '../rules/define-rule.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { ENGINE_CRASH } from '../rules/diagnostics.js';
import { locate, originOf } from './locate.js';

export interface RuleRunOptions {
  /** Severity overrides by rule id (from config). */
  readonly severityOverrides?: ReadonlyMap<string, Severity>;
  /** Terraform resources to visit beside the Kubernetes model. */
  readonly terraform?: TerraformModel;
}

export interface RuleRunResult {
  readonly findings: Finding[];
  /** The object each finding is about (suppressions and annotations need it). */
  readonly objectOf: ReadonlyMap<Finding, Subject>;
  /** True when a rule crashed: the scan is incomplete. */
  readonly crashed: boolean;
}

/** Runs every rule over the model. A rule that throws is reported as IG-ENGINE-001 and the others go on. */
export function runRules(model: KubernetesModel, rules: readonly Rule[], options: RuleRunOptions = {}): RuleRunResult {
  const findings: Finding[] = [];
  const objectOf = new Map<Finding, Subject>();
  const terraform = options.terraform ?? buildTerraformModel([]);
  let crashed = false;
  for (const rule of rules) {
    let current: Subject | undefined;
    const context: RuleContext = {
      model,
      terraform,
      report(report) {
        const object = report.object ?? current ?? objectOfReport(model, terraform, report);
        const finding = toFinding(rule, report, object, options);
        findings.push(finding);
        if (object) objectOf.set(finding, object);
      },
    };
    const guard = (object: Subject | undefined, call: () => void): void => {
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
    const { object: visitObject, workload: visitWorkload, container: visitContainer, resource: visitResource, end } = visitors;
    if (visitObject) for (const object of model.objects) guard(object, () => visitObject(object));
    if (visitResource) for (const resource of terraform.resources) guard(resource, () => visitResource(resource));
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

function objectOfReport(model: KubernetesModel, terraform: TerraformModel, report: Report): Subject | undefined {
  if ('root' in report.at) return report.at as Subject;
  const origin = originOf(report.at);
  const owns = (subject: Subject): boolean => subject.doc === origin.doc && isPrefix(subject.root.path, origin.path);
  return model.objects.find(owns) ?? terraform.resources.find(owns);
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

export function resourceRefOf(object: Subject | undefined): ResourceRef | undefined {
  if (!object) return undefined;
  if (isTerraformResource(object)) return { kind: object.mode === 'data' ? `data.${object.resourceType}` : object.resourceType, name: object.address };
  return {
    kind: object.kind,
    apiVersion: object.apiVersion,
    ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
    ...(object.name !== undefined ? { name: object.name } : {}),
  };
}

function resourceKey(object: Subject | undefined): string {
  if (!object) return '';
  return isTerraformResource(object) ? object.address : `${object.kind}/${object.namespace ?? ''}/${object.name ?? ''}`;
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => {
    const value = data?.[key];
    return value === undefined ? whole : String(value);
  });
}

function toFinding(rule: Rule, report: Report, object: Subject | undefined, options: RuleRunOptions): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id} reported unknown messageId '${report.messageId}'`);
  const { location, pointer } = locate(report.at);
  const relativePointer = object ? pointer.slice(pointerOf(object.root.path).length) : pointer;
  const settings = settingsOf(report);
  const related: RelatedLocation[] = [...(report.related ?? []).map((hop) => ({ ...locate(hop.at).location, message: hop.message })), ...settings.related];
  const severity = options.severityOverrides?.get(rule.meta.id) ?? report.severity ?? rule.meta.severity;
  const resource = resourceRefOf(object);
  return {
    ruleId: rule.meta.id,
    ruleName: rule.meta.name,
    messageId: report.messageId,
    severity,
    title: rule.meta.title,
    message: formatMessage(template, report.data) + settings.suffix,
    location,
    ...(resource ? { resource } : {}),
    path: relativePointer,
    remediation: rule.meta.remediation,
    mappings: rule.meta.mappings,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: location.file, resource: resourceKey(object), pointer: relativePointer, discriminator: report.messageId }),
    related,
  };
}

/**
 * A Terraform value decided elsewhere (a tfvars line, a variable default, a local): the message names
 * that place and each becomes a related location, so the fix lands where the value is set.
 */
function settingsOf(report: Report): { suffix: string; related: RelatedLocation[] } {
  const origin = originOf(report.at);
  const sources = origin.doc.terraform?.setBy.get(pointerOf(origin.path)) ?? [];
  if (sources.length === 0) return { suffix: '', related: [] };
  const related: RelatedLocation[] = [];
  const names: string[] = [];
  for (const source of sources) {
    if (!source.file || source.start === undefined) {
      names.push(source.description);
      continue;
    }
    const span = source.file.spanOf(source.start, source.end ?? source.start);
    const where = `${source.file.path}:${span.start.line}`;
    names.push(source.description.startsWith(source.file.path) ? source.description : `${source.description} (${where})`);
    related.push({ file: source.file.path, startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column, message: `value set here: ${source.description}` });
  }
  return { suffix: ` The value comes from ${names.join(', then ')}.`, related };
}

function crashFinding(rule: Rule, object: Subject | undefined, error: unknown): Finding {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const location = object ? locate(object).location : { file: '', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const resource = resourceRefOf(object);
  const where = object ? (isTerraformResource(object) ? ` on ${object.address}` : ` on ${object.kind} ${object.name ?? '(unnamed)'}`) : '';
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
