import type { RuleOptionSchema, RuleOptionValues } from '../config/rule-options.js';
import type { Mappings, Severity } from '../findings/finding.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import type { Subject } from '../model/subject.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { Origin } from '../model/value.js';

export type FixApplicability = 'safe' | 'unsafe' | 'none';

/** Everything a user reads about a rule lives here: docs, `rules explain` and SARIF are generated from it. */
export interface RuleMeta {
  /** Stable id from the catalogue, e.g. `IG-K8S-101`; never reused. */
  readonly id: string;
  /** Kebab-case name of the problem, e.g. `privileged-container`. */
  readonly name: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why it matters, for model serving in particular. Markdown. */
  readonly rationale: string;
  /** How to fix it. Markdown. */
  readonly remediation: string;
  readonly references: readonly string[];
  readonly mappings: Mappings;
  /** Resource kinds the rule looks at, as namespaced literals (`k8s:Workload`, `k8s:Service`). */
  readonly targets: readonly string[];
  readonly fix: FixApplicability;
  /** Message templates by message id; `{{name}}` placeholders are filled from `data`. */
  readonly messages: Readonly<Record<string, string>>;
  /**
   * A minimal manifest that fires and one that does not; both are checked by the registry test,
   * with `options` when given (a rule that stays silent until configured).
   */
  readonly examples: {
    readonly bad: string;
    readonly good: string;
    readonly options?: Readonly<Record<string, unknown>>;
    /** `hcl` for Terraform rules (the examples are `.tf` files); YAML manifests otherwise. */
    readonly language?: 'yaml' | 'hcl';
  };
  /** Generic rule ids that this more specific rule replaces when both flag the same field (F.10). */
  readonly supersedes?: readonly string[];
  /** The flagged source holds a secret (a password in an env value): reports never quote that text. */
  readonly sensitiveSource?: boolean;
  /** Rules that only make sense on demand (e.g. "cannot prove safe") are off unless enabled. */
  readonly defaultEnabled?: boolean;
  /**
   * Options users set in `.inferguard.yaml` (`rules: { <id>: { options: { … } } }`), checked
   * strictly against these declarations; the rule reads them, defaults applied, as `context.options`.
   */
  readonly options?: RuleOptionSchema;
}

/** Anything a rule can point at: a located value (Node / Value) or a whole object or resource. */
export type Locatable = Origin | Subject;

export interface RelatedHop {
  readonly at: Locatable;
  readonly message: string;
}

export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly at: Locatable;
  /** The object or resource the finding is about (defaults to the one being visited). */
  readonly object?: Subject;
  /** Overrides the rule's default severity (e.g. raised for GPU / model-server containers). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedHop[];
  /**
   * What inside the located value the finding is about, when several problems share one location (the
   * statements of a policy written as a JSON string all sit at its attribute): keeps them apart in the
   * one-finding-per-problem step and in fingerprints.
   */
  readonly within?: string;
}

export interface RuleContext<O = RuleOptionValues<RuleOptionSchema>> {
  readonly model: KubernetesModel;
  /** Terraform resources (configuration and plans); empty when none were scanned. */
  readonly terraform: TerraformModel;
  /** The rule's declared options: as configured, else their defaults. */
  readonly options: O;
  report(report: Report): void;
}

/** Callbacks the engine calls while walking the model; each call is isolated (a crash is reported, not fatal). */
export interface RuleVisitors {
  /** Every Kubernetes object. */
  object?(object: K8sObject): void;
  /** Every pod template (built-in workload kinds and registered CRDs). */
  workload?(workload: Workload): void;
  /** Every container, init container and ephemeral container of every pod template. */
  container?(container: ContainerRef): void;
  /** Every Terraform resource and data source instance. */
  resource?(resource: TfResource): void;
  /** Once, after every object was visited: for rules that need the whole set (namespaces, policies). */
  end?(): void;
}

export interface Rule<S extends RuleOptionSchema = RuleOptionSchema> {
  readonly meta: RuleMeta & { readonly options?: S };
  create(context: RuleContext<RuleOptionValues<S>>): RuleVisitors;
}

/** A rule without declared options gets an empty `context.options`. */
type NoOptions = Record<never, never>;

/** Types `context.options` from the options the metadata declares. */
export function defineRule<const S extends RuleOptionSchema = NoOptions>(rule: Rule<S>): Rule<S> {
  return rule;
}
