// Which Google Cloud IAM roles let a principal replace or read Cloud Storage objects, from Google's role
// tables (cloud.google.com/storage/docs/access-control/iam-roles): the facts behind the serving graph's
// GCP `can-write` / `can-read` edges.
import type { TfResource } from '../terraform.js';

export type ObjectAccess = 'write' | 'read';

/**
 * Predefined roles holding `storage.objects.create` or `storage.objects.delete` (write: a principal can add
 * or replace objects under a model's prefix) or else `storage.objects.get` (read). Not here:
 * `legacyBucketReader` (`storage.objects.list` and bucket metadata only, no object content) and custom roles
 * (their permissions are not known).
 */
const PREDEFINED: ReadonlyMap<string, ObjectAccess> = new Map([
  ['roles/storage.admin', 'write'], // storage.buckets.*, storage.objects.*
  ['roles/storage.objectAdmin', 'write'], // storage.objects.*
  ['roles/storage.objectUser', 'write'], // objects create / delete / get / list / update
  ['roles/storage.objectCreator', 'write'], // objects.create only: new objects, not replacing existing ones
  ['roles/storage.folderAdmin', 'write'], // folders and objects, full control
  ['roles/storage.legacyBucketOwner', 'write'], // objects create / delete / list, bucket IAM
  ['roles/storage.legacyBucketWriter', 'write'], // objects create / delete / list
  ['roles/storage.objectViewer', 'read'], // objects get / list
  ['roles/storage.legacyObjectReader', 'read'], // objects get
  ['roles/storage.legacyObjectOwner', 'read'], // objects get / update (metadata) / object ACLs
]);

/** The access a role gives on the objects of a bucket it is granted on. */
export function bucketRoleAccess(role: string): ObjectAccess | undefined {
  return PREDEFINED.get(role);
}

/** The access a role granted on a project gives on every bucket of the project: legacy roles can be granted only on buckets. */
export function projectRoleAccess(role: string): ObjectAccess | undefined {
  return role.startsWith('roles/storage.legacy') ? undefined : PREDEFINED.get(role);
}

/**
 * Basic roles hold no object permission themselves (Viewer lists buckets; Editor and Owner create, list
 * and delete buckets). Their holders reach objects through the convenience members of bucket policies,
 * `projectOwner:<project>`, `projectEditor:<project>`, `projectViewer:<project>`.
 */
export const BASIC_ROLE_MEMBER: ReadonlyMap<string, string> = new Map([
  ['roles/owner', 'projectOwner'],
  ['roles/editor', 'projectEditor'],
  ['roles/viewer', 'projectViewer'],
]);

/**
 * The convenience bindings a bucket's policy holds unless something replaces it: `legacyBucketOwner` (and,
 * with uniform bucket-level access, `legacyObjectOwner`) to project owners and editors, `legacyBucketReader`
 * (and, with uniform bucket-level access, `legacyObjectReader`) to viewers. Viewers read objects through
 * the IAM policy only with uniform bucket-level access; without it, object ACLs decide, which the scan does
 * not read.
 */
export function defaultConvenienceAccess(member: string, bucket: TfResource): ObjectAccess | undefined {
  if (member === 'projectOwner' || member === 'projectEditor') return 'write';
  if (member === 'projectViewer') return bucket.root.get('uniform_bucket_level_access').isTrue() ? 'read' : undefined;
  return undefined;
}

/** `projects/acme-ml` or `acme-ml` → `acme-ml`. */
export function projectIdOf(text: string): string {
  return text.trim().replace(/^projects\//, '');
}
