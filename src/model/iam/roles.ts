// The policies an IAM role holds, whichever way Terraform gives them to it.
import type { TerraformReference } from '../../parse/kubernetes/types.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import type { PolicyDocument } from './policy.js';
import type { ResolveResource } from './policy-document.js';
import { policiesOf } from './policy-sources.js';
import { appendTo } from '../collections.js';

/**
 * AWS-managed policies that make an identity an administrator of everything, of IAM, of S3 or of
 * SageMaker (AWS Managed Policy Reference Guide). Keyed by the policy name after
 * `arn:<partition>:iam::aws:policy/`.
 */
export const ADMIN_CLASS_MANAGED_POLICIES: ReadonlyMap<string, { readonly scope: string }> = new Map([
  ['AdministratorAccess', { scope: 'every action on every resource' }],
  ['PowerUserAccess', { scope: 'every action except most of IAM and Organizations' }],
  ['IAMFullAccess', { scope: 'every IAM action: it can grant itself anything' }],
  ['AmazonS3FullAccess', { scope: 'every S3 action on every bucket' }],
  ['AmazonSageMakerFullAccess', { scope: 'full SageMaker access, including creating models and endpoints' }],
]);

/** `arn:aws:iam::aws:policy/AdministratorAccess` (any partition, any path) → `AdministratorAccess`. */
export function awsManagedPolicyName(arn: string): string | undefined {
  const match = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/(?:[^:]*\/)?([^/:]+)$/.exec(arn);
  return match?.[1];
}

export interface RolePolicy {
  /**
   * `inline`: an `aws_iam_role_policy` or an `inline_policy` block; `customer`: an `aws_iam_policy`
   * of the scan, attached; `aws-managed`: attached by an `arn:…:iam::aws:policy/` ARN; `unknown`: an
   * attachment whose policy cannot be told (an unknown ARN, a policy outside the scan).
   */
  readonly kind: 'inline' | 'customer' | 'aws-managed' | 'unknown';
  /** The policy text, when it is in the scan; 'unknown' when it is not readable. */
  readonly document: PolicyDocument | 'unknown';
  /** The AWS-managed policy's name (`AdministratorAccess`). */
  readonly managedName?: string;
  /** The resource holding the policy text: the `aws_iam_policy`, `aws_iam_role_policy` or the role. */
  readonly holder?: TfResource;
  /** The resource that gives the role the policy: the attachment, the `aws_iam_role_policy`, the role. */
  readonly via: TfResource;
  /** Where: the attachment's `policy_arn`, the `managed_policy_arns` item, the policy attribute. */
  readonly at: Node;
}

/** Resource instances a reference names (all instances when it names no key). */
export function referencedInstances(reference: TerraformReference, terraform: TerraformModel, near?: Node | TfResource): readonly TfResource[] {
  return terraform.instancesOf(reference.address, near).filter((candidate) => reference.key === undefined || candidate.key === reference.key);
}

/** A ResolveResource over a model: the first instance of the reference, in the root of the value holding it. */
export function resolverOf(terraform: TerraformModel): ResolveResource {
  return (reference, near) => referencedInstances(reference, terraform, near)[0];
}

/**
 * Whether a value names this role: a reference to it (`aws_iam_role.r.name` / `.id` / `.arn`,
 * also through variables and module inputs), or its known name or ARN as text.
 */
export function namesRole(node: Node, role: TfResource, terraform: TerraformModel): boolean {
  if (node.references().some((reference) => reference.address === role.configAddress && (reference.key === undefined || reference.key === role.key) && referencedInstances(reference, terraform, node).includes(role))) return true;
  const text = node.state === 'set' ? node.str() : undefined;
  const name = role.root.get('name').str();
  if (text === undefined || name === undefined) return false;
  return text === name || roleNameOfArn(text) === name;
}

/** `arn:aws:iam::123456789012:role/path/name` → `name`. */
export function roleNameOfArn(arn: string): string | undefined {
  return /^arn:aws(?:-[a-z-]+)?:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
}

/** `arn:aws:iam::123456789012:policy/path/name` → `name`. */
function policyNameOfArn(arn: string): string | undefined {
  return /^arn:aws(?:-[a-z-]+)?:iam::\d{12}:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
}

/** The policy a `policy_arn` (or `managed_policy_arns` item) attaches. */
function attachedPolicy(at: Node, via: TfResource, terraform: TerraformModel): RolePolicy {
  const resolve = resolverOf(terraform);
  for (const reference of at.references()) {
    for (const target of referencedInstances(reference, terraform, at)) {
      if (target.mode === 'managed' && target.resourceType === 'aws_iam_policy') {
        const source = policiesOf(target, resolve).find((candidate) => candidate.attribute === 'policy');
        return { kind: 'customer', document: source?.document ?? 'unknown', holder: target, via, at };
      }
      // `data "aws_iam_policy" { arn = "arn:aws:iam::aws:policy/…" }`
      if (target.mode === 'data' && target.resourceType === 'aws_iam_policy') {
        const name = awsManagedPolicyName(target.root.get('arn').str() ?? '');
        if (name !== undefined) return { kind: 'aws-managed', document: 'unknown', managedName: name, via, at };
      }
    }
  }
  const text = at.state === 'set' ? at.str() : undefined;
  if (text !== undefined) {
    const managed = awsManagedPolicyName(text);
    if (managed !== undefined) return { kind: 'aws-managed', document: 'unknown', managedName: managed, via, at };
    const name = policyNameOfArn(text);
    const customer = name === undefined ? undefined : terraform.byType('tf:aws_iam_policy').find((policy) => policy.mode === 'managed' && policy.root.get('name').str() === name);
    if (customer) {
      const source = policiesOf(customer, resolve).find((candidate) => candidate.attribute === 'policy');
      return { kind: 'customer', document: source?.document ?? 'unknown', holder: customer, via, at };
    }
  }
  return { kind: 'unknown', document: 'unknown', via, at };
}

/**
 * Every policy of a role (or user, or group): a role's `inline_policy` blocks and `managed_policy_arns`,
 * the inline policy resources (`aws_iam_role_policy`, `_user_policy`, `_group_policy`) and the
 * attachments (`aws_iam_role_policy_attachment`, `_user_`, `_group_`, `aws_iam_policy_attachment`) that name it.
 */
export function policiesOfRole(role: TfResource, terraform: TerraformModel): readonly RolePolicy[] {
  let cached = rolePolicyCache.get(role);
  if (!cached) rolePolicyCache.set(role, (cached = computePoliciesOfRole(role, terraform)));
  return cached;
}

/** Several rules ask for the same roles' policies; a role resource belongs to one model. */
const rolePolicyCache = new WeakMap<TfResource, readonly RolePolicy[]>();

function computePoliciesOfRole(role: TfResource, terraform: TerraformModel): RolePolicy[] {
  const resolve = resolverOf(terraform);
  const policies: RolePolicy[] = [];
  for (const source of policiesOf(role, resolve)) {
    if (source.attribute === 'assume_role_policy') continue;
    const index = /^inline_policy\[(\d+)\]/.exec(source.attribute)?.[1];
    const at = index === undefined ? role.root.get('inline_policy') : role.root.get('inline_policy', Number(index), 'policy');
    policies.push({ kind: 'inline', document: source.document, holder: role, via: role, at });
  }
  for (const item of role.root.get('managed_policy_arns').items()) policies.push(attachedPolicy(item, role, terraform));
  const holders = roleHoldersOf(terraform).get(role);
  for (const holder of holders?.inline ?? []) {
    const source = policiesOf(holder, resolve).find((candidate) => candidate.attribute === 'policy');
    policies.push({ kind: 'inline', document: source?.document ?? 'unknown', holder, via: holder, at: holder.root.get('policy') });
  }
  for (const attachment of holders?.attachments ?? []) policies.push(attachedPolicy(attachment.root.get('policy_arn'), attachment, terraform));
  return policies;
}

interface RoleHolders {
  readonly inline: TfResource[];
  readonly attachments: TfResource[];
}

const roleHolderCache = new WeakMap<TerraformModel, ReadonlyMap<TfResource, RoleHolders>>();

/** The identities that hold policies, and the resources that give them one. */
export const PRINCIPAL_TYPES = ['aws_iam_role', 'aws_iam_user', 'aws_iam_group'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

const HOLDER_SHAPES: Readonly<Record<PrincipalType, { readonly inline: string; readonly attachment: string; readonly argument: string; readonly shared: string; readonly arnKind: string }>> = {
  aws_iam_role: { inline: 'aws_iam_role_policy', attachment: 'aws_iam_role_policy_attachment', argument: 'role', shared: 'roles', arnKind: 'role' },
  aws_iam_user: { inline: 'aws_iam_user_policy', attachment: 'aws_iam_user_policy_attachment', argument: 'user', shared: 'users', arnKind: 'user' },
  aws_iam_group: { inline: 'aws_iam_group_policy', attachment: 'aws_iam_group_policy_attachment', argument: 'group', shared: 'groups', arnKind: 'group' },
};

/**
 * For each role, user and group, the inline policy resources (`aws_iam_role_policy`, `_user_policy`,
 * `_group_policy`) and the attachments that name it (by reference, name or ARN), computed once per model:
 * asking every holder about every principal is quadratic in large plans.
 */
function roleHoldersOf(terraform: TerraformModel): ReadonlyMap<TfResource, RoleHolders> {
  const cached = roleHolderCache.get(terraform);
  if (cached) return cached;
  const index = new Map<TfResource, RoleHolders>();
  const entry = (principal: TfResource): RoleHolders => {
    let holders = index.get(principal);
    if (!holders) index.set(principal, (holders = { inline: [], attachments: [] }));
    return holders;
  };
  for (const type of PRINCIPAL_TYPES) {
    const shape = HOLDER_SHAPES[type];
    const byName = new Map<string, TfResource[]>();
    for (const principal of terraform.byType(`tf:${type}`)) {
      const name = principal.mode === 'managed' ? principal.root.get('name').str() : undefined;
      if (name !== undefined) appendTo(byName, name, principal);
    }
    const arnName = new RegExp(`^arn:aws(?:-[a-z-]+)?:iam::\\d{12}:${shape.arnKind}\\/(?:.*\\/)?([^/]+)$`);
    const named = (node: Node): Set<TfResource> => {
      const found = new Set<TfResource>();
      for (const reference of node.references()) for (const target of referencedInstances(reference, terraform, node)) if (target.mode === 'managed' && target.resourceType === type) found.add(target);
      const text = node.state === 'set' ? node.str() : undefined;
      if (text !== undefined) for (const principal of [...(byName.get(text) ?? []), ...(byName.get(arnName.exec(text)?.[1] ?? '') ?? [])]) found.add(principal);
      return found;
    };
    for (const holder of terraform.byType(`tf:${shape.inline}`)) {
      if (holder.mode === 'managed') for (const principal of named(holder.root.get(shape.argument))) entry(principal).inline.push(holder);
    }
    for (const attachment of terraform.byType(`tf:${shape.attachment}`)) {
      if (attachment.mode === 'managed') for (const principal of named(attachment.root.get(shape.argument))) entry(principal).attachments.push(attachment);
    }
    for (const attachment of terraform.byType('tf:aws_iam_policy_attachment')) {
      if (attachment.mode !== 'managed') continue;
      const principals = new Set<TfResource>();
      for (const item of attachment.root.get(shape.shared).items()) for (const principal of named(item)) principals.add(principal);
      for (const principal of principals) entry(principal).attachments.push(attachment);
    }
  }
  roleHolderCache.set(terraform, index);
  return index;
}

/** The principals (roles, users, groups) that hold a policy resource: inline, by attachment, or (a role) in its own blocks. */
export function principalsHolding(holder: TfResource, terraform: TerraformModel): TfResource[] {
  let byHolder = principalsByHolderCache.get(terraform);
  if (!byHolder) {
    byHolder = new Map();
    for (const type of PRINCIPAL_TYPES) {
      for (const principal of terraform.byType(`tf:${type}`)) {
        if (principal.mode !== 'managed') continue;
        for (const policy of policiesOfRole(principal, terraform)) {
          const key = policy.holder ?? policy.via;
          const list = byHolder.get(key) ?? [];
          if (!list.includes(principal)) list.push(principal);
          byHolder.set(key, list);
        }
      }
    }
    principalsByHolderCache.set(terraform, byHolder);
  }
  return byHolder.get(holder) ?? [];
}

const principalsByHolderCache = new WeakMap<TerraformModel, Map<TfResource, TfResource[]>>();

/** Roles of the scan that a value names: by reference, or by a known ARN whose name a role of the scan has. */
export function rolesNamedBy(node: Node, terraform: TerraformModel): TfResource[] {
  const roles = new Set<TfResource>();
  for (const reference of node.references()) for (const target of referencedInstances(reference, terraform, node)) if (target.mode === 'managed' && target.resourceType === 'aws_iam_role') roles.add(target);
  const text = node.state === 'set' ? node.str() : undefined;
  const name = text === undefined ? undefined : roleNameOfArn(text);
  if (roles.size === 0 && name !== undefined) for (const role of terraform.byType('tf:aws_iam_role')) if (role.mode === 'managed' && role.root.get('name').str() === name) roles.add(role);
  return [...roles];
}
