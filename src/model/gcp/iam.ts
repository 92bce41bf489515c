import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';

/** What an IAM resource grants on: its resource type names it, its target attribute says which one. */
export type IamScope = 'bucket' | 'project' | 'folder' | 'organization' | 'service_account';

/** One member granted one role, from any of the three forms Terraform writes Google IAM in. */
export interface IamGrant {
  /** The IAM resource: `google_storage_bucket_iam_member.public`, `google_project_iam_policy.p`. */
  readonly resource: TfResource;
  /** `member` (`_iam_member`), `binding` (`_iam_binding`), `policy` (`_iam_policy`). */
  readonly form: 'member' | 'binding' | 'policy';
  readonly scope: IamScope;
  /** The attribute naming what is granted on: `bucket`, `project`, `folder`, `org_id`, `service_account_id`. */
  readonly target: Node;
  /** The role, undefined when unknown until apply. */
  readonly role: string | undefined;
  readonly roleAt: Node;
  /** The member (`allUsers`, `serviceAccount:…`, `principalSet://…`), undefined when unknown. */
  readonly member: string | undefined;
  /** The member's own value; for a policy written as a JSON string, the `policy_data` attribute. */
  readonly memberAt: Node;
  /** Whether an IAM condition narrows the grant (a `condition` block, or `condition` in policy JSON). */
  readonly conditional: boolean;
}

const SCOPES: ReadonlyMap<string, { scope: IamScope; target: string }> = new Map([
  ['google_storage_bucket_iam', { scope: 'bucket', target: 'bucket' }],
  ['google_project_iam', { scope: 'project', target: 'project' }],
  ['google_folder_iam', { scope: 'folder', target: 'folder' }],
  ['google_organization_iam', { scope: 'organization', target: 'org_id' }],
  ['google_service_account_iam', { scope: 'service_account', target: 'service_account_id' }],
]);

const FORM = /^(google_[a-z_]+_iam)_(member|binding|policy)$/;

/** Whether a resource type is one of the IAM resources `iamGrants` reads. */
export function isIamResourceType(resourceType: string): boolean {
  const match = FORM.exec(resourceType);
  return match !== null && SCOPES.has(match[1] as string);
}

/**
 * Every grant of one IAM resource. `_iam_binding` gives one grant per listed member; `_iam_policy` reads
 * the `binding` blocks of the `data.google_iam_policy` its `policy_data` comes from, or the policy JSON
 * when `policy_data` is a known string. An unknown members list or policy gives no grants (nothing to judge).
 */
export function grantsOf(resource: TfResource, terraform: TerraformModel): IamGrant[] {
  if (resource.mode !== 'managed') return [];
  const match = FORM.exec(resource.resourceType);
  const scope = match ? SCOPES.get(match[1] as string) : undefined;
  if (!match || !scope) return [];
  const form = match[2] as IamGrant['form'];
  const root = resource.root;
  const base = { resource, form, scope: scope.scope, target: root.get(scope.target) };
  if (form === 'member') {
    const role = root.get('role');
    const member = root.get('member');
    return [{ ...base, role: role.str(), roleAt: role, member: member.str(), memberAt: member, conditional: root.get('condition').isWritten() }];
  }
  if (form === 'binding') {
    const role = root.get('role');
    const conditional = root.get('condition').isWritten();
    return root
      .get('members')
      .items()
      .map((member) => ({ ...base, role: role.str(), roleAt: role, member: member.str(), memberAt: member, conditional }));
  }
  const policyData = root.get('policy_data');
  const fromDataSource = policyData
    .references()
    .filter((reference) => /(^|\.)data\.google_iam_policy\.[^.]+$/.test(reference.address))
    .flatMap((reference) => terraform.instancesOf(reference.address, policyData).filter((instance) => reference.key === undefined || instance.key === reference.key));
  if (fromDataSource.length > 0) {
    return fromDataSource.flatMap((policy) =>
      policy.root
        .get('binding')
        .items()
        .flatMap((binding) => {
          const role = binding.get('role');
          const conditional = binding.get('condition').isWritten();
          return binding
            .get('members')
            .items()
            .map((member) => ({ ...base, role: role.str(), roleAt: role, member: member.str(), memberAt: member, conditional }));
        }),
    );
  }
  const text = policyData.str();
  if (text === undefined) return [];
  return grantsOfPolicyJson(text).map((grant) => ({ ...base, ...grant, roleAt: policyData, memberAt: policyData }));
}

/** `{"bindings":[{"role":…,"members":[…],"condition":…}]}` as written by `jsonencode` or a heredoc. */
function grantsOfPolicyJson(text: string): Array<{ role: string | undefined; member: string | undefined; conditional: boolean }> {
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    return [];
  }
  const bindings = isRecord(policy) && Array.isArray(policy['bindings']) ? policy['bindings'] : [];
  const grants: Array<{ role: string | undefined; member: string | undefined; conditional: boolean }> = [];
  for (const binding of bindings) {
    if (!isRecord(binding) || !Array.isArray(binding['members'])) continue;
    const role = typeof binding['role'] === 'string' ? binding['role'] : undefined;
    const conditional = binding['condition'] !== undefined && binding['condition'] !== null;
    for (const member of binding['members']) grants.push({ role, member: typeof member === 'string' ? member : undefined, conditional });
  }
  return grants;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every grant of every IAM resource in the scan. */
export function iamGrants(terraform: TerraformModel): IamGrant[] {
  return terraform.resources.filter((resource) => isIamResourceType(resource.resourceType)).flatMap((resource) => grantsOf(resource, terraform));
}

/**
 * The scanned resources of `type` that a target attribute names: through a reference
 * (`google_storage_bucket.models.name`, `google_service_account.sa.name`), or by a known value equal to
 * one of the resource's identifying attributes (`name`, `email`, `id` when known).
 */
export function targetsOf(target: Node, type: `tf:${string}`, terraform: TerraformModel, attributes: readonly string[]): TfResource[] {
  const byReference = target
    .references()
    .flatMap((reference) => terraform.instancesOf(reference.address, target).filter((instance) => instance.type === type && (reference.key === undefined || instance.key === reference.key)));
  if (byReference.length > 0) return byReference;
  const text = target.str();
  if (text === undefined) return [];
  return terraform.byType(type).filter((resource) => resource.mode === 'managed' && attributes.some((attribute) => matchesIdentifier(resource.root.get(attribute).str(), text)));
}

/** `models` names bucket `models`; a service account is named by email, `projects/p/serviceAccounts/<email>` or its id. */
function matchesIdentifier(value: string | undefined, text: string): boolean {
  if (value === undefined || value === '') return false;
  return text === value || text.endsWith(`/${value}`);
}
