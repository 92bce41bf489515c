// The ServiceAccount annotations that give a pod a cloud identity, and where the pod gets its credentials.
// EKS IRSA and Azure Workload Identity project a token file into the pod, which the SDK exchanges with
// STS / Entra ID; GKE Workload Identity's metadata server answers at 169.254.169.254 with the Google
// service account's tokens. Only the last is taken through the metadata endpoint.
import type { K8sObject } from './kubernetes.js';
import type { Node } from './value.js';

export type WorkloadIdentityKind = 'aws-irsa' | 'gke-workload-identity' | 'azure-workload-identity';

export interface WorkloadIdentityAnnotation {
  readonly annotation: string;
  readonly kind: WorkloadIdentityKind;
  /** For messages: `the IAM role`. */
  readonly what: string;
  /** The pod gets the identity's credentials from the metadata endpoint (169.254.169.254), not from a token file. */
  readonly servedByMetadataEndpoint: boolean;
}

export const WORKLOAD_IDENTITY_ANNOTATIONS: readonly WorkloadIdentityAnnotation[] = [
  { annotation: 'eks.amazonaws.com/role-arn', kind: 'aws-irsa', what: 'the IAM role', servedByMetadataEndpoint: false },
  { annotation: 'iam.gke.io/gcp-service-account', kind: 'gke-workload-identity', what: 'the Google service account', servedByMetadataEndpoint: true },
  { annotation: 'azure.workload.identity/client-id', kind: 'azure-workload-identity', what: 'the Azure managed identity', servedByMetadataEndpoint: false },
];

/** A workload-identity annotation written on a ServiceAccount. */
export interface CarriedIdentity extends WorkloadIdentityAnnotation {
  readonly node: Node;
  /** The role ARN, email or client id; undefined when the scan cannot read it (set at deploy time). */
  readonly value: string | undefined;
}

/** The workload-identity annotations a ServiceAccount carries, whether or not their role or account is in the scan. */
export function workloadIdentitiesOf(account: K8sObject | undefined): CarriedIdentity[] {
  if (account === undefined) return [];
  const carried: CarriedIdentity[] = [];
  for (const entry of WORKLOAD_IDENTITY_ANNOTATIONS) {
    const node = account.root.get('metadata', 'annotations', entry.annotation);
    if (node.isWritten()) carried.push({ ...entry, node, value: node.str() });
  }
  return carried;
}
