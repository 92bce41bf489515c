// Azure Blob Storage as the serving graph needs it: where a model URI points (account and container), which
// built-in roles read or replace blobs, and which storage a role assignment's scope covers.
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { referencedResources } from './azapi.js';

/** A blob location: the storage account (globally unique name) and the container. */
export interface BlobLocation {
  /** Lower-case: account names are 3–24 lower-case letters and digits. */
  readonly account: string;
  /** Lower-case: container names are lower-case. */
  readonly container: string;
}

/**
 * The account and container of an Azure Blob model URI:
 * - `https://<account>.blob.core.windows.net/<container>/<path>` (KServe `storageUri`);
 * - `as://<account>/<container>/<path>` (Triton `--model-repository`);
 * - `wasbs://<container>@<account>.blob.core.windows.net/<path>` (MLflow artifact URIs; `wasb://` alike).
 * Undefined for anything else.
 */
export function blobLocationOf(uri: string): BlobLocation | undefined {
  const https = /^https:\/\/([a-z0-9]{3,24})\.blob\.core\.windows\.net\/([a-z0-9-]{3,63})(?:\/|$)/i.exec(uri);
  if (https) return location(https[1], https[2]);
  const triton = /^as:\/\/([a-z0-9]{3,24})\/([a-z0-9-]{3,63})(?:\/|$)/i.exec(uri);
  if (triton) return location(triton[1], triton[2]);
  const hadoop = /^wasbs?:\/\/([a-z0-9-]{3,63})@([a-z0-9]{3,24})\.blob\.core\.windows\.net(?:\/|$)/i.exec(uri);
  if (hadoop) return location(hadoop[2], hadoop[1]);
  return undefined;
}

function location(account: string | undefined, container: string | undefined): BlobLocation | undefined {
  return account === undefined || container === undefined ? undefined : { account: account.toLowerCase(), container: container.toLowerCase() };
}

export type BlobAccess = 'write' | 'read';

/**
 * Built-in roles with blob data actions, by name (lower-case) and definition GUID
 * (learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage): Owner and Contributor hold
 * `blobs/write` and `blobs/delete`, Reader holds `blobs/read`. Control-plane roles (Owner, Contributor,
 * Storage Account Contributor) hold no data action; they reach blobs through the account keys only, which
 * is IG-AZ-016's concern.
 */
const BLOB_ROLES: ReadonlyMap<string, { readonly name: string; readonly access: BlobAccess }> = new Map([
  ['storage blob data owner', { name: 'Storage Blob Data Owner', access: 'write' }],
  ['b7e6dc6d-f1e8-4753-8033-0f276bb0955b', { name: 'Storage Blob Data Owner', access: 'write' }],
  ['storage blob data contributor', { name: 'Storage Blob Data Contributor', access: 'write' }],
  ['ba92f5b4-2d11-453d-a403-e96b0029c9fe', { name: 'Storage Blob Data Contributor', access: 'write' }],
  ['storage blob data reader', { name: 'Storage Blob Data Reader', access: 'read' }],
  ['2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', { name: 'Storage Blob Data Reader', access: 'read' }],
]);

/** The blob access an `azurerm_role_assignment` gives, with the role's name and where it is written; undefined for other or unknown roles. */
export function blobRoleOf(assignment: TfResource): { readonly name: string; readonly access: BlobAccess; readonly at: Node } | undefined {
  const byName = assignment.root.get('role_definition_name');
  const name = byName.str();
  if (name !== undefined) {
    const role = BLOB_ROLES.get(name.trim().toLowerCase());
    return role ? { ...role, at: byName } : undefined;
  }
  const byId = assignment.root.get('role_definition_id');
  // `/subscriptions/<s>/providers/Microsoft.Authorization/roleDefinitions/<guid>` or the bare GUID.
  const guid = byId.str()?.trim().split('/').pop()?.toLowerCase();
  const role = guid === undefined ? undefined : BLOB_ROLES.get(guid);
  return role ? { ...role, at: byId } : undefined;
}

/** What a role assignment scope covers, as far as the scan can tell. */
export type StorageScope =
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'container'; readonly account: string; readonly container: string }
  /** A resource group the scan holds (by reference): it covers the storage accounts that name the same group. */
  | { readonly kind: 'resource-group'; readonly groups: readonly TfResource[] };

const ACCOUNT_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.storage\/storageaccounts\/([a-z0-9]{3,24})(?:\/blobservices\/default\/containers\/([a-z0-9-]{3,63}))?\/*$/i;

/**
 * The storage a `scope` names: a literal ARM id of an account or a container (account names are globally
 * unique, so the name alone says which account), or a reference to an `azurerm_storage_account`,
 * `azurerm_storage_container` or resource group of the scan. A literal resource-group or subscription id,
 * or a management group, is not resolved: which subscription an account lives in is the provider's, unknown here.
 */
export function storageScopeOf(scope: Node, terraform: TerraformModel): StorageScope | undefined {
  const text = scope.str();
  if (text !== undefined) {
    const match = ACCOUNT_ID.exec(text.trim());
    if (!match) return undefined;
    const account = (match[1] as string).toLowerCase();
    return match[2] === undefined ? { kind: 'account', account } : { kind: 'container', account, container: match[2].toLowerCase() };
  }
  const targets = referencedResources(terraform, scope);
  const [target] = targets;
  if (targets.length !== 1 || target === undefined) return undefined;
  if (target.type === 'tf:azurerm_storage_account') {
    const account = target.root.get('name').str()?.toLowerCase();
    return account === undefined ? undefined : { kind: 'account', account };
  }
  if (target.type === 'tf:azurerm_storage_container') {
    const container = target.root.get('name').str()?.toLowerCase();
    const account = containerAccountName(target, terraform);
    return container === undefined || account === undefined ? undefined : { kind: 'container', account, container };
  }
  if (target.resourceType === 'azurerm_resource_group') return { kind: 'resource-group', groups: [target] };
  return undefined;
}

/** A container's account name: `storage_account_name` (azurerm 3.x) or the account `storage_account_id` points at (4.x). */
export function containerAccountName(container: TfResource, terraform: TerraformModel): string | undefined {
  const byName = container.root.get('storage_account_name').str();
  if (byName !== undefined) return byName.toLowerCase();
  const byId = container.root.get('storage_account_id');
  const fromId = byId.str() === undefined ? undefined : ACCOUNT_ID.exec(byId.str() as string)?.[1];
  if (fromId !== undefined) return fromId.toLowerCase();
  const accounts = referencedResources(terraform, byId).filter((candidate) => candidate.type === 'tf:azurerm_storage_account');
  return accounts.length === 1 ? accounts[0]?.root.get('name').str()?.toLowerCase() : undefined;
}

/** Whether a storage account's `resource_group_name` refers to one of the groups (a resource group resource or data source). */
export function accountInGroups(account: TfResource, groups: readonly TfResource[], terraform: TerraformModel): boolean {
  return referencedResources(terraform, account.root.get('resource_group_name')).some((group) => groups.includes(group));
}
