// GKE Workload Identity in the serving graph: model-server ServiceAccounts → the Google service accounts
// they act as → the `gs://` model artifacts those may read or replace, from the IAM grants of the scan.
import { modelBuckets, gcsBucketOf } from '../model/gcp/buckets.js';
import type { IamGrant } from '../model/gcp/iam.js';
import { iamGrants, targetsOf } from '../model/gcp/iam.js';
import type { ServiceAccountRef } from '../model/gcp/identity.js';
import { serviceAccountEmail, serviceAccountOf, servingServiceAccounts } from '../model/gcp/identity.js';
import { BASIC_ROLE_MEMBER, bucketRoleAccess, defaultConvenienceAccess, projectIdOf, projectRoleAccess } from '../model/gcp/storage-roles.js';
import type { K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import { modelUris } from '../model/ml/model-uris.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { Node } from '../model/value.js';
import type { ServingGraph, StorageGrant } from './graph.js';
import { addArtifact, artifactId, resourceId, StrongestGrants } from './graph.js';
import { appendTo } from '../model/collections.js';

interface Identity {
  readonly id: string;
  readonly account: ServiceAccountRef;
}

/** Adds the GKE pods' Google service accounts, the `gs://` artifacts, their buckets, and who may write or read them. */
export function addGcpStorage(graph: ServingGraph, model: KubernetesModel, terraform: TerraformModel, servers: ReadonlyMap<K8sObject, Workload>): void {
  // Artifacts by bucket name: a bucket name is global, so a grant naming it covers the artifact whether or not the bucket's resource is scanned.
  const byBucket = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const uri of modelUris(model)) {
    const text = uri.text?.trim();
    const bucket = text === undefined ? undefined : gcsBucketOf(text);
    if (text === undefined || bucket === undefined) continue;
    addArtifact(graph, { uri: text, owner: uri.object, at: uri.node }, servers);
    if (seen.has(text)) continue;
    seen.add(text);
    appendTo(byBucket, bucket, text);
  }
  // The pods' identities are nodes whatever their models are loaded from.
  const grants = iamGrants(terraform);
  const identities = addIdentities(graph, model, terraform, grants);
  if (byBucket.size === 0) return;
  const buckets = modelBuckets(terraform, model);
  for (const entry of buckets) {
    const name = entry.bucket.root.get('name').str() as string;
    const node = graph.add({ id: resourceId(entry.bucket), kind: 'bucket', label: `Cloud Storage bucket ${name}`, subject: entry.bucket, at: entry.bucket.root });
    for (const uri of byBucket.get(name) ?? []) graph.connect({ from: artifactId(uri), to: node.id, kind: 'stored-in', label: 'stored in', at: graph.node(artifactId(uri)).at! });
  }
  if (identities.length === 0) return;
  const byResource = new Map<TfResource, Identity>();
  const byEmail = new Map<string, Identity>();
  for (const identity of identities) {
    if (identity.account.resource) byResource.set(identity.account.resource, identity);
    if (identity.account.email !== undefined) byEmail.set(identity.account.email, identity);
  }
  const identityOf = (account: ServiceAccountRef): Identity | undefined => (account.resource ? byResource.get(account.resource) : undefined) ?? (account.email !== undefined ? byEmail.get(account.email) : undefined);

  // Scanned model buckets by known project, for project-wide grants; buckets whose policy the scan replaces (no default convenience bindings).
  const byProject = new Map<string, TfResource[]>();
  for (const entry of buckets) {
    const project = entry.bucket.root.get('project').str();
    if (project !== undefined) appendTo(byProject, projectIdOf(project), entry.bucket);
  }
  const replaced = new Set<string>();
  for (const policy of terraform.byType('tf:google_storage_bucket_iam_policy')) for (const name of bucketNames(policy.root.get('bucket'), terraform)) replaced.add(name);

  const strongest = new StrongestGrants();
  const give = (identity: Identity, bucket: string, grant: StorageGrant): void => {
    for (const uri of byBucket.get(bucket) ?? []) strongest.give(identity.id, uri, grant);
  };

  // Basic roles on a project, per identity: reached through `projectEditor:<project>`-style members.
  const basic = new Map<string, Array<{ identity: Identity; role: string; at: Node }>>();
  const usable = grants.filter((grant) => grant.role !== undefined && !grant.conditional);
  for (const grant of usable) {
    const member = BASIC_ROLE_MEMBER.get(grant.role as string);
    const project = grant.target.str();
    if (grant.scope !== 'project' || member === undefined || project === undefined) continue;
    const account = memberAccount(grant, terraform);
    const identity = account ? identityOf(account) : undefined;
    if (!identity) continue;
    const key = `${member}:${projectIdOf(project)}`;
    appendTo(basic, key, { identity, role: grant.role as string, at: grantAt(grant) });
  }
  for (const grant of usable) {
    const role = grant.role as string;
    if (grant.scope === 'bucket') {
      const access = bucketRoleAccess(role);
      if (access === undefined) continue;
      const names = bucketNames(grant.target, terraform);
      const account = memberAccount(grant, terraform);
      const identity = account ? identityOf(account) : undefined;
      if (identity) for (const name of names) give(identity, name, { access, label: role, at: grantAt(grant) });
      // `projectEditor:acme-ml` in a bucket policy: whoever holds that basic role on the project.
      for (const holder of grant.member === undefined ? [] : (basic.get(grant.member.trim()) ?? [])) {
        for (const name of names) give(holder.identity, name, { access, label: `${holder.role} (${role} to ${grant.member})`, at: holder.at });
      }
    } else if (grant.scope === 'project') {
      const access = projectRoleAccess(role);
      const project = grant.target.str();
      if (access === undefined || project === undefined) continue;
      const account = memberAccount(grant, terraform);
      const identity = account ? identityOf(account) : undefined;
      if (!identity) continue;
      for (const bucket of byProject.get(projectIdOf(project)) ?? []) give(identity, bucket.root.get('name').str() as string, { access, label: `${role} (project ${projectIdOf(project)})`, at: grantAt(grant) });
    }
  }
  // The default convenience bindings of buckets whose policy the scan does not replace.
  for (const [key, holders] of basic) {
    // `projectEditor:example.com:acme-ml`: the member ends at the first colon; a domain-scoped project keeps its own.
    const colon = key.indexOf(':');
    const member = key.slice(0, colon);
    const project = key.slice(colon + 1);
    for (const bucket of byProject.get(project) ?? []) {
      const name = bucket.root.get('name').str() as string;
      const access = replaced.has(name) ? undefined : defaultConvenienceAccess(member, bucket);
      if (access === undefined) continue;
      for (const holder of holders) give(holder.identity, name, { access, label: `${holder.role} (project ${project}, through the bucket's default ${member} binding)`, at: holder.at });
    }
  }
  strongest.connect(graph);
}

/** The Google service account nodes of the serving KSAs, with their `assumes` edges. */
function addIdentities(graph: ServingGraph, model: KubernetesModel, terraform: TerraformModel, grants: readonly IamGrant[]): Identity[] {
  const identities = new Map<string, Identity>();
  for (const serving of servingServiceAccounts(grants, terraform, model)) {
    const from = `sa:${serving.ksa}`;
    if (!graph.nodes.has(from)) continue;
    const { resource, email } = serving.account;
    // An account the scan does not create is named by its email: its grants are still on the scanned buckets and projects.
    const id = resource ? resourceId(resource) : `gcp-sa:${email ?? serving.account.label}`;
    graph.add({ id, kind: 'cloud-identity', label: `Google service account ${serving.account.label}`, ...(resource ? { subject: resource, at: resource.root } : { at: serving.evidence }) });
    graph.connect({ from, to: id, kind: 'assumes', label: 'GKE Workload Identity', at: serving.evidence });
    if (!identities.has(id)) identities.set(id, { id, account: serving.account });
  }
  return [...identities.values()];
}

/**
 * The service account a grant's member names. A policy written as JSON text (`policy_data` = heredoc or
 * `jsonencode`) locates every member at `policy_data`, so only the member's text can say which account.
 */
function memberAccount(grant: IamGrant, terraform: TerraformModel): ServiceAccountRef | undefined {
  if (grant.member !== undefined && !grant.member.trim().startsWith('serviceAccount:')) return undefined;
  if (grant.memberAt === grant.roleAt) {
    const email = grant.member === undefined ? undefined : serviceAccountEmail(grant.member);
    return email === undefined ? undefined : { email, label: email };
  }
  return serviceAccountOf(grant.memberAt, terraform);
}

/** Where a grant is changed: the role of an `_iam_member`, the member of a binding or policy. */
function grantAt(grant: IamGrant): Node {
  return grant.form === 'member' ? grant.roleAt : grant.memberAt;
}

/** The bucket names a `bucket` argument names: its known text (`models`, `b/models`), or the known names of the buckets it refers to. */
function bucketNames(target: Node, terraform: TerraformModel): string[] {
  const text = target.str();
  if (text !== undefined) return [text.trim().split('/').pop() as string];
  return targetsOf(target, 'tf:google_storage_bucket', terraform, ['name']).flatMap((bucket) => bucket.root.get('name').str() ?? []);
}
