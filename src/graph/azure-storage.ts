// Azure Workload Identity in the serving graph: model-server ServiceAccounts → the user-assigned managed
// identities they act as → the Azure Blob model artifacts those may read or replace, from the scan's
// `azurerm_role_assignment`s.
import { referencedResources } from '../model/azure/azapi.js';
import type { BlobLocation } from '../model/azure/blob-storage.js';
import { accountInGroups, blobLocationOf, blobRoleOf, containerAccountName, storageScopeOf } from '../model/azure/blob-storage.js';
import { servingManagedIdentities } from '../model/azure/workload-identity.js';
import type { K8sObject, KubernetesModel, Workload } from '../model/kubernetes.js';
import { modelUris } from '../model/ml/model-uris.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { Node } from '../model/value.js';
import type { ServingGraph } from './graph.js';
import { addArtifact, artifactId, resourceId, StrongestGrants } from './graph.js';
import { appendTo } from '../model/collections.js';

interface Artifact {
  readonly uri: string;
  readonly location: BlobLocation;
}

/** Adds the AKS pods' managed identities, the Azure Blob artifacts, their containers or accounts, and who may write or read them. */
export function addAzureStorage(graph: ServingGraph, model: KubernetesModel, terraform: TerraformModel, servers: ReadonlyMap<K8sObject, Workload>): void {
  const artifacts: Artifact[] = [];
  const seen = new Set<string>();
  for (const uri of modelUris(model)) {
    const text = uri.text?.trim();
    const location = text === undefined ? undefined : blobLocationOf(text);
    if (text === undefined || location === undefined) continue;
    addArtifact(graph, { uri: text, owner: uri.object, at: uri.node }, servers);
    if (!seen.has(text)) artifacts.push({ uri: text, location });
    seen.add(text);
  }
  // The pods' identities are nodes whatever their models are loaded from.
  const identities = new Map<TfResource, string>();
  const byPrincipalId = new Map<string, string>();
  for (const serving of servingManagedIdentities(terraform, model)) {
    const from = `sa:${serving.ksa}`;
    if (!graph.nodes.has(from)) continue;
    const id = resourceId(serving.identity);
    graph.add({ id, kind: 'cloud-identity', label: `Azure managed identity ${serving.identity.address}`, subject: serving.identity, at: serving.identity.root });
    graph.connect({ from, to: id, kind: 'assumes', label: `Azure Workload Identity via ${serving.via}`, at: serving.evidence });
    identities.set(serving.identity, id);
    const principalId = serving.identity.root.get('principal_id').str()?.trim().toLowerCase();
    if (principalId !== undefined && principalId !== '') byPrincipalId.set(principalId, id);
  }
  if (artifacts.length === 0) return;
  const byAccount = new Map<string, Artifact[]>();
  for (const artifact of artifacts) appendTo(byAccount, artifact.location.account, artifact);
  const accounts = addStorage(graph, terraform, byAccount);
  if (identities.size === 0) return;
  const strongest = new StrongestGrants();
  for (const assignment of terraform.byType('tf:azurerm_role_assignment')) {
    // An ABAC condition may narrow blob access to some containers or paths: what it leaves is unknown here.
    if (assignment.mode !== 'managed' || assignment.root.get('condition').isWritten()) continue;
    const role = blobRoleOf(assignment);
    if (role === undefined) continue;
    const principal = assignment.root.get('principal_id');
    const holders = principalIdentities(principal, terraform, identities, byPrincipalId);
    if (holders.length === 0) continue;
    const scope = storageScopeOf(assignment.root.get('scope'), terraform);
    if (scope === undefined) continue;
    const covered =
      scope.kind === 'account'
        ? (byAccount.get(scope.account) ?? [])
        : scope.kind === 'container'
          ? (byAccount.get(scope.account) ?? []).filter((artifact) => artifact.location.container === scope.container)
          : accounts.filter((account) => accountInGroups(account, scope.groups, terraform)).flatMap((account) => byAccount.get(account.root.get('name').str()?.toLowerCase() ?? '') ?? []);
    const grant = { access: role.access, label: `${role.name} (${scope.kind === 'resource-group' ? 'resource group' : scope.kind})`, at: role.at };
    for (const id of holders) for (const artifact of covered) strongest.give(id, artifact.uri, grant);
  }
  strongest.connect(graph);
}

/**
 * The storage nodes: each artifact is `stored-in` its scanned `azurerm_storage_container` (known name, in an
 * account of known name), else its scanned `azurerm_storage_account`. Returns the scanned accounts that hold artifacts.
 */
function addStorage(graph: ServingGraph, terraform: TerraformModel, byAccount: ReadonlyMap<string, readonly Artifact[]>): TfResource[] {
  const accounts = terraform.byType('tf:azurerm_storage_account').filter((account) => account.mode === 'managed' && byAccount.has(account.root.get('name').str()?.toLowerCase() ?? ''));
  const stored = new Set<string>();
  for (const container of terraform.byType('tf:azurerm_storage_container')) {
    if (container.mode !== 'managed') continue;
    const name = container.root.get('name').str()?.toLowerCase();
    const account = name === undefined ? undefined : containerAccountName(container, terraform);
    const inside = account === undefined ? [] : (byAccount.get(account) ?? []).filter((artifact) => artifact.location.container === name);
    if (inside.length === 0) continue;
    const node = graph.add({ id: resourceId(container), kind: 'bucket', label: `Storage container ${account}/${name}`, subject: container, at: container.root });
    for (const artifact of inside) {
      graph.connect({ from: artifactId(artifact.uri), to: node.id, kind: 'stored-in', label: 'stored in', at: graph.node(artifactId(artifact.uri)).at! });
      stored.add(artifact.uri);
    }
  }
  for (const account of accounts) {
    const name = account.root.get('name').str()?.toLowerCase() as string;
    const outside = (byAccount.get(name) ?? []).filter((artifact) => !stored.has(artifact.uri));
    if (outside.length === 0) continue;
    const node = graph.add({ id: resourceId(account), kind: 'bucket', label: `Storage account ${name}`, subject: account, at: account.root });
    for (const artifact of outside) graph.connect({ from: artifactId(artifact.uri), to: node.id, kind: 'stored-in', label: 'stored in', at: graph.node(artifactId(artifact.uri)).at! });
  }
  return accounts;
}

/** The serving identities a `principal_id` names: by reference (`azurerm_user_assigned_identity.x.principal_id`) or by its known principal id. */
function principalIdentities(principal: Node, terraform: TerraformModel, identities: ReadonlyMap<TfResource, string>, byPrincipalId: ReadonlyMap<string, string>): string[] {
  const referenced = referencedResources(terraform, principal).flatMap((target) => identities.get(target) ?? []);
  if (referenced.length > 0) return referenced;
  const id = byPrincipalId.get(principal.str()?.trim().toLowerCase() ?? '');
  return id === undefined ? [] : [id];
}
