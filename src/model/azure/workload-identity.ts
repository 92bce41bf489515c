// Which user-assigned managed identities model servers act as through Azure Workload Identity: the one a
// serving ServiceAccount's `azure.workload.identity/client-id` annotation names, and those with a federated
// credential for the ServiceAccount's token (`system:serviceaccount:<namespace>:<name>`).
import type { KubernetesModel } from '../kubernetes.js';
import { modelServiceAccounts } from '../ml/model-service-accounts.js';
import type { TerraformModel, TfResource } from '../terraform.js';
import type { Node } from '../value.js';
import { referencedResources } from './azapi.js';
import { appendTo } from '../collections.js';

const CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';

export interface ServingManagedIdentity {
  /** The `azurerm_user_assigned_identity`. */
  readonly identity: TfResource;
  /** `namespace/name` of the model server's ServiceAccount. */
  readonly ksa: string;
  /** The annotation or the federated credential's `subject` that makes it the model's identity. */
  readonly evidence: Node;
  readonly via: 'client-id annotation' | 'federated credential';
}

/**
 * The annotation links by a reference to the identity (`azurerm_user_assigned_identity.x.client_id` in a
 * `kubernetes_service_account`) or by a known client id equal to the identity's known `client_id` (a plan);
 * a client id the scan cannot match links to nothing. A federated credential links by its parent identity
 * (`user_assigned_identity_id`, formerly `parent_id`) and an exact ServiceAccount subject.
 */
export function servingManagedIdentities(terraform: TerraformModel, model: KubernetesModel): ServingManagedIdentity[] {
  const identities = terraform.byType('tf:azurerm_user_assigned_identity').filter((identity) => identity.mode === 'managed');
  if (identities.length === 0) return [];
  const out: ServingManagedIdentity[] = [];
  const accounts = modelServiceAccounts(model);
  const byClientId = new Map<string, TfResource[]>();
  for (const identity of identities) {
    const clientId = identity.root.get('client_id').str()?.trim().toLowerCase();
    if (clientId !== undefined && clientId !== '') appendTo(byClientId, clientId, identity);
  }
  for (const account of accounts) {
    const annotation = account.object?.root.get('metadata', 'annotations', CLIENT_ID_ANNOTATION);
    if (annotation === undefined || !annotation.isWritten()) continue;
    const referenced = referencedResources(terraform, annotation).filter((target) => target.type === 'tf:azurerm_user_assigned_identity' && target.mode === 'managed');
    const text = annotation.str()?.trim().toLowerCase();
    const named = referenced.length > 0 ? referenced : text === undefined ? [] : (byClientId.get(text) ?? []);
    for (const identity of named) out.push({ identity, ksa: `${account.namespace}/${account.name}`, evidence: annotation, via: 'client-id annotation' });
  }
  const serving = new Set(accounts.map((account) => `${account.namespace}/${account.name}`));
  for (const credential of terraform.byType('tf:azurerm_federated_identity_credential')) {
    if (credential.mode !== 'managed') continue;
    const subject = credential.root.get('subject');
    const match = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject.str() ?? '');
    if (!match || !serving.has(`${match[1] as string}/${match[2] as string}`)) continue;
    const parents = new Set([credential.root.get('user_assigned_identity_id'), credential.root.get('parent_id')].flatMap((node) => referencedResources(terraform, node)));
    for (const identity of parents) {
      if (identity.type === 'tf:azurerm_user_assigned_identity' && identity.mode === 'managed') out.push({ identity, ksa: `${match[1] as string}/${match[2] as string}`, evidence: subject, via: 'federated credential' });
    }
  }
  return out;
}
