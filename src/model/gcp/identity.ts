import type { KubernetesModel } from '../kubernetes.js';
import { modelServiceAccounts } from '../ml/model-service-accounts.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import type { IamGrant } from './iam.js';

/** A Google service account as far as the scan knows it: the resource that creates it, its email, or both. */
export interface ServiceAccountRef {
  readonly resource?: TfResource;
  /** Lower-case email, when known. */
  readonly email?: string;
  /** For messages: the email, else the resource address. */
  readonly label: string;
}

export const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';

/** `<project-number>-compute@developer.gserviceaccount.com`: the Compute Engine default service account. */
export function isDefaultComputeServiceAccount(email: string): boolean {
  return /^\d+-compute@developer\.gserviceaccount\.com$/i.test(email.trim());
}

/** The email in `serviceAccount:<email>`, `projects/<p>/serviceAccounts/<email>` or a bare email. */
export function serviceAccountEmail(text: string): string | undefined {
  const value = text.trim().replace(/^serviceAccount:/, '').replace(/^projects\/[^/]+\/serviceAccounts\//, '');
  // `user:`, `group:`, `domain:` and other member kinds are not service accounts.
  return /^[^@\s/:]+@[^@\s/:]+$/.test(value) ? value.toLowerCase() : undefined;
}

/** The email of a `google_service_account` when its `account_id` and `project` are both known. */
function emailOfResource(account: TfResource): string | undefined {
  const id = account.root.get('account_id').str();
  const project = account.root.get('project').str();
  return id !== undefined && project !== undefined ? `${id}@${project}.iam.gserviceaccount.com`.toLowerCase() : undefined;
}

/**
 * The service account a value names: through a reference to a `google_service_account` (`.email`, `.name`,
 * `.id`, `.member`), or by its known text. Undefined when neither resolves.
 */
export function serviceAccountOf(node: Node, terraform: TerraformModel): ServiceAccountRef | undefined {
  for (const reference of node.references()) {
    const instances = terraform.instancesOf(reference.address, node).filter((instance) => instance.type === 'tf:google_service_account' && (reference.key === undefined || instance.key === reference.key));
    const [account] = instances;
    if (instances.length === 1 && account) {
      const email = emailOfResource(account);
      return { resource: account, ...(email === undefined ? {} : { email }), label: email ?? account.address };
    }
  }
  const text = node.str();
  const email = text === undefined ? undefined : serviceAccountEmail(text);
  if (email === undefined) return undefined;
  const account = terraform.byType('tf:google_service_account').find((candidate) => candidate.mode === 'managed' && emailOfResource(candidate) === email);
  return { ...(account ? { resource: account } : {}), email, label: email };
}

export function sameServiceAccount(a: ServiceAccountRef, b: ServiceAccountRef): boolean {
  if (a.resource !== undefined && a.resource === b.resource) return true;
  return a.email !== undefined && a.email === b.email;
}

/** `serviceAccount:<pool>.svc.id.goog[<namespace>/<ksa>]`: one Kubernetes service account of a workload pool. */
export interface KsaMember {
  readonly pool: string;
  readonly namespace: string;
  readonly name: string;
}

export function ksaMemberOf(member: string): KsaMember | undefined {
  const match = /^serviceAccount:([^[\s]+\.svc\.id\.goog)\[([^/\]]+)\/([^\]]+)\]$/.exec(member.trim());
  return match ? { pool: match[1] as string, namespace: match[2] as string, name: match[3] as string } : undefined;
}

/**
 * A `principalSet://…/workloadIdentityPools/<pool>.svc.id.goog/…` member: every Kubernetes service account
 * of a namespace (`/namespace/<ns>`), a cluster (`/kubernetes.cluster/…`), an attribute or the whole pool.
 */
export interface KsaSetMember {
  readonly pool: string;
  /** What the set holds, for messages: `namespace models`, `every KSA of the pool`, … */
  readonly scope: string;
}

export function ksaSetMemberOf(member: string): KsaSetMember | undefined {
  const match = /^principalSet:\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/global\/workloadIdentityPools\/([^/]+\.svc\.id\.goog)(?:\/(.*))?$/.exec(member.trim());
  if (!match) return undefined;
  const pool = match[1] as string;
  const rest = match[2] ?? '';
  const namespace = /^namespace\/([^/]+)$/.exec(rest);
  if (namespace) return { pool, scope: `every KSA of namespace ${namespace[1] as string}` };
  if (rest.startsWith('kubernetes.cluster/')) return { pool, scope: 'every KSA of a cluster' };
  if (rest === '' || rest === '*') return { pool, scope: 'every KSA of the pool' };
  return { pool, scope: `every KSA matching ${rest}` };
}

/** The Kubernetes service accounts (namespace/name) that model servers in the scan run as, with the GSA their annotation names. */
export interface ServingKsa {
  readonly namespace: string;
  readonly name: string;
  /** `iam.gke.io/gcp-service-account` of the ServiceAccount object, when it is in the scan. */
  readonly gsa: Node | undefined;
}

export function servingKsas(model: KubernetesModel): ServingKsa[] {
  return modelServiceAccounts(model).map((account) => {
    const annotation = account.object?.root.get('metadata', 'annotations', 'iam.gke.io/gcp-service-account');
    return { namespace: account.namespace, name: account.name, gsa: annotation?.exists ? annotation : undefined };
  });
}

/** A Google service account that serves a model, and why the scan says so. */
export interface ServingServiceAccount {
  readonly account: ServiceAccountRef;
  /** The KSA annotation or the Workload Identity grant that makes it a model's identity. */
  readonly evidence: Node;
  readonly ksa: string;
}

/**
 * Google service accounts that model servers act as through GKE Workload Identity: the one a serving KSA's
 * `iam.gke.io/gcp-service-account` annotation names, and those granting `roles/iam.workloadIdentityUser`
 * to `serviceAccount:<pool>[<ns>/<ksa>]` of a serving KSA.
 */
export function servingServiceAccounts(grants: readonly IamGrant[], terraform: TerraformModel, model: KubernetesModel): ServingServiceAccount[] {
  const ksas = servingKsas(model);
  const out: ServingServiceAccount[] = [];
  for (const ksa of ksas) {
    if (ksa.gsa === undefined) continue;
    const account = serviceAccountOf(ksa.gsa, terraform);
    if (account) out.push({ account, evidence: ksa.gsa, ksa: `${ksa.namespace}/${ksa.name}` });
  }
  for (const grant of grants) {
    if (grant.scope !== 'service_account' || grant.role !== WORKLOAD_IDENTITY_USER || grant.member === undefined) continue;
    const member = ksaMemberOf(grant.member);
    if (!member || !ksas.some((ksa) => ksa.namespace === member.namespace && ksa.name === member.name)) continue;
    const account = serviceAccountOf(grant.target, terraform);
    if (account) out.push({ account, evidence: grant.memberAt, ksa: `${member.namespace}/${member.name}` });
  }
  return out;
}
