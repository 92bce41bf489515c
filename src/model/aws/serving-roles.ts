// The IAM roles model code runs as. Rules IG-AWS-019 / 020 rate what these roles can do, not every
// role of the repository alike.
import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import { policiesOf } from '../iam/policy-sources.js';
import type { PolicyCondition } from '../iam/policy.js';
import { resolverOf, rolesNamedBy } from '../iam/roles.js';
import { iamWildcard } from '../iam/string-like.js';
import type { ModelServiceAccount } from '../ml/model-service-accounts.js';
import { describeServers, modelServiceAccounts } from '../ml/model-service-accounts.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { conditionKeyEndsWith, mayAssume } from './trust-policies.js';

/**
 * How a role becomes a model's identity:
 * - `sagemaker`: a SageMaker model's `execution_role_arn`;
 * - `irsa`: the `eks.amazonaws.com/role-arn` annotation of a ServiceAccount a model server runs as;
 * - `pod-identity`: an `aws_eks_pod_identity_association` for that ServiceAccount;
 * - `irsa-trust`: the role's trust policy lets that ServiceAccount's token assume it (`:sub`
 *   condition), whether or not the annotation is in the scan.
 */
export type ServingRoleLink = 'sagemaker' | 'irsa' | 'pod-identity' | 'irsa-trust';

export interface ServingRole {
  readonly role: TfResource;
  readonly link: ServingRoleLink;
  /** What runs as it, for messages: `the execution role of SageMaker model 'aws_sagemaker_model.scorer'`. */
  readonly servedAs: string;
  /** The value that makes it the model's identity (`execution_role_arn`, the annotation, the association's `role_arn`, the `:sub` value). */
  readonly at: Node;
  /** The SageMaker model, the ServiceAccount or the association that `at` belongs to. */
  readonly holder: TfResource | K8sObject;
  /** What serves models as this role: the SageMaker model, or the workloads of the model servers. */
  readonly serves: ReadonlySet<TfResource | K8sObject>;
}

const cache = new WeakMap<TerraformModel, WeakMap<KubernetesModel, readonly ServingRole[]>>();

/**
 * Every role a model runs as, SageMaker links first (a role reached several ways is listed once per
 * way; rules report each policy once). A role outside the scan (an ARN of another account, a value
 * unknown until apply) links nothing.
 */
export function servingRoles(terraform: TerraformModel, model: KubernetesModel): readonly ServingRole[] {
  let byModel = cache.get(terraform);
  if (!byModel) cache.set(terraform, (byModel = new WeakMap()));
  let cached = byModel.get(model);
  if (!cached) byModel.set(model, (cached = compute(terraform, model)));
  return cached;
}

function compute(terraform: TerraformModel, model: KubernetesModel): ServingRole[] {
  const serving: ServingRole[] = [];
  for (const sagemaker of terraform.byType('tf:aws_sagemaker_model')) {
    if (sagemaker.mode !== 'managed') continue;
    const at = sagemaker.root.get('execution_role_arn');
    for (const role of rolesNamedBy(at, terraform)) serving.push({ role, link: 'sagemaker', servedAs: `the execution role of SageMaker model '${sagemaker.address}'`, at, holder: sagemaker, serves: new Set([sagemaker]) });
  }
  const accounts = modelServiceAccounts(model);
  if (accounts.length === 0) return serving;
  for (const account of accounts) {
    const annotation = account.object?.root.get('metadata', 'annotations', 'eks.amazonaws.com/role-arn');
    if (account.object === undefined || annotation === undefined || !annotation.exists) continue;
    for (const role of rolesNamedBy(annotation, terraform)) serving.push({ role, link: 'irsa', servedAs: `the IRSA role of ServiceAccount '${account.namespace}/${account.name}' (${describeServers(account.servers)})`, at: annotation, holder: account.object, serves: workloadsOf(account) });
  }
  for (const association of terraform.byType('tf:aws_eks_pod_identity_association')) {
    if (association.mode !== 'managed') continue;
    const namespace = association.root.get('namespace').str();
    const name = association.root.get('service_account').str();
    const account = accounts.find((candidate) => candidate.namespace === namespace && candidate.name === name);
    if (account === undefined) continue;
    const at = association.root.get('role_arn');
    for (const role of rolesNamedBy(at, terraform)) serving.push({ role, link: 'pod-identity', servedAs: `the EKS Pod Identity role of ServiceAccount '${account.namespace}/${account.name}' (${describeServers(account.servers)})`, at, holder: association, serves: workloadsOf(account) });
  }
  serving.push(...trustLinks(terraform, accounts));
  return serving;
}

function workloadsOf(account: ModelServiceAccount): Set<K8sObject> {
  return new Set(account.servers.map((server) => server.container.workload.object));
}

/** Roles whose trust policy lets a model ServiceAccount's projected token assume them. */
function trustLinks(terraform: TerraformModel, accounts: readonly ModelServiceAccount[]): ServingRole[] {
  const links: ServingRole[] = [];
  const resolve = resolverOf(terraform);
  for (const role of terraform.byType('tf:aws_iam_role')) {
    if (role.mode !== 'managed') continue;
    for (const source of policiesOf(role, resolve)) {
      if (source.attribute !== 'assume_role_policy' || source.document === 'unknown') continue;
      for (const statement of source.document.statements) {
        if (statement.effect !== 'Allow' || !statement.principals.some((principal) => principal.type === 'Federated') || !mayAssume(statement, /^(?:\*|sts:\*|sts:assumerolewithwebidentity)$/i)) continue;
        for (const condition of statement.conditions) {
          const match = subjectMatcher(condition);
          if (match === undefined) continue;
          for (const value of condition.values) {
            if (value.state !== 'set') continue;
            const account = accounts.find((candidate) => match(value.value, `system:serviceaccount:${candidate.namespace}:${candidate.name}`));
            if (account) links.push({ role, link: 'irsa-trust', servedAs: `whose trust policy lets ServiceAccount '${account.namespace}/${account.name}' (${describeServers(account.servers)}) assume it through \`${value.value}\``, at: value.node, holder: role, serves: workloadsOf(account) });
          }
        }
      }
    }
  }
  return links;
}

/** How a `:sub` condition compares: exact (`StringEquals`) or with IAM wildcards (`StringLike`). */
function subjectMatcher(condition: PolicyCondition): ((pattern: string, subject: string) => boolean) | undefined {
  if (condition.operator.state !== 'set' || conditionKeyEndsWith(condition.key, 'sub') !== true) return undefined;
  const operator = condition.operator.value.replace(/^ForAnyValue:/i, '').replace(/IfExists$/i, '');
  if (/^StringEquals$/i.test(operator)) return (pattern, subject) => pattern === subject;
  if (/^StringLike$/i.test(operator)) return (pattern, subject) => iamWildcard(pattern).test(subject);
  return undefined;
}

const EVIDENCE: Readonly<Record<ServingRoleLink, string>> = {
  sagemaker: 'the SageMaker model runs as this role',
  irsa: 'the model ServiceAccount names this role (IRSA)',
  'pod-identity': 'EKS Pod Identity gives the model ServiceAccount this role',
  'irsa-trust': "the role's trust policy accepts the model ServiceAccount's token",
};

/** The hop that shows why the role is a model's identity. */
export function servingEvidence(serving: ServingRole): { readonly at: Node; readonly message: string } {
  return { at: serving.at, message: EVIDENCE[serving.link] };
}
