import { resolveRuleOptions } from '../config/rule-options.js';
import { formatMessage } from '../rules/format-message.js';
import type { ConfiguredOptions } from '../config/rule-options.js';
import type { Finding, RelatedLocation, ResourceRef, Severity } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import { isTerraformResource } from '../model/subject.js';
import type { TerraformModel } from '../model/terraform.js';
import { buildTerraformModel } from '../model/terraform.js';
import type { Report, Rule, RuleContext, RuleVisitors } from '../rules/define-rule.js';
import { setUnknownReadHook } from '../model/value.js';
import type { Origin } from '../model/value.js';
import type { ParsedDocument, Path } from '../parse/kubernetes/types.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { ENGINE_CRASH, UNRESOLVED_VALUE } from '../rules/diagnostics.js';
import { locate, originOf } from './locate.js';

export interface RuleRunOptions {
  /** Severity overrides by rule id (from config). */
  readonly severityOverrides?: ReadonlyMap<string, Severity>;
  /** Terraform resources to visit beside the Kubernetes model. */
  readonly terraform?: TerraformModel;
  /** Strict mode: IG-PARSE-004 wherever a rule read a value unknown until apply and did not fire. */
  readonly strict?: boolean;
  /** Rule options by rule id (from config, already validated); each rule gets its declared defaults for the rest. */
  readonly ruleOptions?: ReadonlyMap<string, ConfiguredOptions>;
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
  const unresolved = options.strict ? new UnresolvedReads(model, terraform) : undefined;
  const previousHook = unresolved ? setUnknownReadHook((doc, path) => unresolved.read(doc, path)) : null;
  try {
    for (const rule of rules) runRule(rule);
  } finally {
    if (unresolved) setUnknownReadHook(previousHook);
  }
  return { findings, objectOf, crashed };

  function runRule(rule: Rule): void {
    let current: Subject | undefined;
    const context: RuleContext = {
      model,
      terraform,
      options: resolveRuleOptions(rule.meta.options, options.ruleOptions?.get(rule.meta.id)),
      report(report) {
        const object = report.object ?? current ?? objectOfReport(model, terraform, report);
        const finding = toFinding(rule, report, object, options);
        findings.push(finding);
        if (object) objectOf.set(finding, object);
        unresolved?.flag(object);
      },
    };
    const guard = (object: Subject | undefined, call: () => void): void => {
      current = object;
      if (unresolved) unresolved.visiting = object;
      try {
        call();
      } catch (error) {
        crashed = true;
        const finding = crashFinding(rule, object, error);
        findings.push(finding);
        if (object) objectOf.set(finding, object);
        unresolved?.flag(object);
      }
      current = undefined;
      if (unresolved) unresolved.visiting = undefined;
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
    if (unresolved) {
      for (const [object, at] of unresolved.finish()) {
        const finding = unresolvedFinding(rule, object, at, options);
        findings.push(finding);
        objectOf.set(finding, object);
      }
    }
  }
}

/**
 * Strict mode: the first value unknown until apply that a rule read on each object, while it visited
 * that object (or, in `create` / `end`, on the object that holds the value). Objects the rule flagged
 * (or crashed on) are dropped: the rule did decide there.
 */
class UnresolvedReads {
  visiting: Subject | undefined;
  private readonly first = new Map<Subject, Origin>();
  private readonly flagged = new Set<Subject>();
  private owners: Map<ParsedDocument, Subject[]> | undefined;

  constructor(
    private readonly model: KubernetesModel,
    private readonly terraform: TerraformModel,
  ) {}

  read(doc: ParsedDocument, path: Path): void {
    const object = this.visiting ?? this.ownerOf(doc, path);
    if (object && !this.first.has(object)) this.first.set(object, { doc, path });
  }

  flag(object: Subject | undefined): void {
    if (object) this.flagged.add(object);
  }

  /** The objects read unresolved and not flagged, in the order they were first read; then resets. */
  finish(): Array<[Subject, Origin]> {
    const result = [...this.first].filter(([object]) => !this.flagged.has(object));
    this.first.clear();
    this.flagged.clear();
    return result;
  }

  /** The object whose subtree holds the value; the innermost one (a `kubernetes_manifest` object within its resource). */
  ownerOf(doc: ParsedDocument, path: Path): Subject | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const subject of [...this.model.objects, ...this.terraform.resources]) {
        const list = this.owners.get(subject.doc);
        if (list) list.push(subject);
        else this.owners.set(subject.doc, [subject]);
      }
    }
    let owner: Subject | undefined;
    for (const subject of this.owners.get(doc) ?? []) {
      if (isPrefix(subject.root.path, path) && (!owner || subject.root.path.length > owner.root.path.length)) owner = subject;
    }
    return owner;
  }
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
    ...(report.within !== undefined ? { within: report.within } : {}),
    remediation: rule.meta.remediation,
    mappings: rule.meta.mappings,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: location.file, resource: resourceKey(object), pointer: relativePointer, discriminator: report.within !== undefined ? `${report.messageId}#${report.within}` : report.messageId }),
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

/** IG-PARSE-004 for one rule on one object, at the first unknown value the rule read there. */
function unresolvedFinding(rule: Rule, object: Subject, at: Origin, options: RuleRunOptions): Finding {
  const { location, pointer } = locate(at);
  const rootPointer = pointerOf(object.root.path);
  const relativePointer = at.doc === object.doc && isPrefix(object.root.path, at.path) ? pointer.slice(rootPointer.length) : pointer;
  const reason = unknownReasonOf(at);
  const what = `${labelOf(object)}${relativePointer === '' ? '' : ` ${relativePointer}`}${reason === undefined ? '' : ` (${reason})`}`;
  const resource = resourceRefOf(object);
  return {
    ruleId: UNRESOLVED_VALUE.id,
    ruleName: UNRESOLVED_VALUE.name,
    messageId: 'unresolved',
    severity: options.severityOverrides?.get(UNRESOLVED_VALUE.id) ?? UNRESOLVED_VALUE.severity,
    title: UNRESOLVED_VALUE.title,
    message: formatMessage(UNRESOLVED_VALUE.messages.unresolved ?? '', { what, rule: rule.meta.id }),
    location,
    ...(resource ? { resource } : {}),
    path: relativePointer,
    remediation: UNRESOLVED_VALUE.remediation,
    mappings: UNRESOLVED_VALUE.mappings,
    fingerprint: fingerprintOf({ ruleId: UNRESOLVED_VALUE.id, file: location.file, resource: resourceKey(object), pointer: relativePointer, discriminator: rule.meta.id }),
    related: [],
  };
}

/** Why the value (or the unknown value it lies under) is unknown: `computed aws_kms_key.k.arn`. */
function unknownReasonOf(at: Origin): string | undefined {
  const reasons = at.doc.terraform?.unknownReasons;
  if (!reasons) return undefined;
  for (let length = at.path.length; length >= 0; length--) {
    const reason = reasons.get(pointerOf(at.path.slice(0, length)));
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function labelOf(object: Subject): string {
  if (isTerraformResource(object)) return object.address;
  const name = object.name ?? '(unnamed)';
  return `${object.kind} ${object.namespace === undefined ? name : `${object.namespace}/${name}`}`;
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
