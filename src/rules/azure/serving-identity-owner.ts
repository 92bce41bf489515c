import { azapiTypeOf, referencedResources } from '../../model/azure/azapi.js';
import type { KubernetesModel } from '../../model/kubernetes.js';
import { describeServers, modelServiceAccounts } from '../../model/ml/model-service-accounts.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** Built-in roles that can change any resource (Owner, Contributor) or grant access (User Access Administrator), by name and definition GUID. */
const BROAD_ROLES = new Map([
  ['owner', 'Owner'],
  ['contributor', 'Contributor'],
  ['user access administrator', 'User Access Administrator'],
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
  ['18d7d88d-d35e-4fb0-a5c3-5773c6be72a9', 'User Access Administrator'],
]);

const ONLINE_ENDPOINT = 'microsoft.machinelearningservices/workspaces/onlineendpoints';
const ONLINE_DEPLOYMENT = 'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments';
const WORKSPACE = 'microsoft.machinelearningservices/workspaces';

type Scope = 'management group' | 'subscription' | 'resource group';

/** The scope kind of a literal ARM id, or of a reference to the resource that is that scope. */
function scopeOf(terraform: TerraformModel, scope: Node): Scope | undefined {
  const text = scope.str();
  if (text !== undefined) {
    const id = text.replace(/\/+$/, '');
    if (id === '' || /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(id)) return 'management group';
    if (/^\/subscriptions\/[^/]+$/i.test(id)) return 'subscription';
    if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(id)) return 'resource group';
    return undefined;
  }
  // `data.azurerm_subscription.current.id` is unknown until plan, but it is always `/subscriptions/<id>`.
  const references = scope.references();
  if (references.length !== 1 || references[0]!.attribute.length !== 1 || references[0]!.attribute[0] !== 'id') return undefined;
  const type = terraform.instancesOf(references[0]!.address, scope)[0]?.resourceType;
  if (type === 'azurerm_subscription' && references[0]!.address.includes('data.')) return 'subscription';
  if (type === 'azurerm_resource_group') return 'resource group';
  if (type === 'azurerm_management_group') return 'management group';
  return undefined;
}

/** Whether a resource's identity block or azapi body names the user-assigned identity `identity`. */
function usesIdentity(terraform: TerraformModel, holder: TfResource, identity: TfResource): boolean {
  const names = (node: Node) => referencedResources(terraform, node).includes(identity);
  if (names(holder.root.get('primary_user_assigned_identity'))) return true;
  for (const block of holder.root.get('identity').items()) for (const id of block.get('identity_ids').items()) if (names(id)) return true;
  return false;
}

/**
 * Whom a principal belongs to when it serves models: an ML resource's identity, or a user-assigned
 * identity that one uses, that a model server's ServiceAccount names (`azure.workload.identity/client-id`),
 * or that a Kubernetes ServiceAccount federates to (AKS workload identity). A federated ServiceAccount
 * counts unless the scan shows what runs as it and that is no model server.
 */
function servingPrincipal(terraform: TerraformModel, model: KubernetesModel, principal: Node): string | undefined {
  for (const reference of principal.references()) {
    for (const target of terraform.instancesOf(reference.address, principal)) {
      if (reference.key !== undefined && target.key !== reference.key) continue;
      const azapiType = azapiTypeOf(target);
      if (target.type === 'tf:azurerm_machine_learning_workspace' || azapiType === WORKSPACE) return `Azure ML workspace '${target.address}'`;
      if (azapiType === ONLINE_ENDPOINT) return `online endpoint '${target.address}'`;
      if (azapiType === ONLINE_DEPLOYMENT) return `online deployment '${target.address}'`;
      if (target.type !== 'tf:azurerm_user_assigned_identity') continue;
      const named = modelServiceAccounts(model).find((account) => {
        const clientId = account.object?.root.get('metadata', 'annotations', 'azure.workload.identity/client-id');
        return clientId !== undefined && clientId.exists && referencedResources(terraform, clientId).includes(target);
      });
      if (named) return `user-assigned identity '${target.address}' of ServiceAccount '${named.namespace}/${named.name}' (${describeServers(named.servers)})`;
      for (const candidate of terraform.resources) {
        if (candidate.mode !== 'managed') continue;
        const type = azapiTypeOf(candidate);
        const isServing = candidate.type === 'tf:azurerm_machine_learning_workspace' || type === ONLINE_ENDPOINT || type === ONLINE_DEPLOYMENT || type === WORKSPACE;
        if (isServing && usesIdentity(terraform, candidate, target)) return `user-assigned identity '${target.address}' of '${candidate.address}'`;
        if (candidate.type !== 'tf:azurerm_federated_identity_credential' || !referencedResources(terraform, candidate.root.get('parent_id')).includes(target)) continue;
        // CI issuers are not workloads; a subject is `system:serviceaccount:<namespace>:<name>`.
        const subject = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(candidate.root.get('subject').str() ?? '');
        if (!subject) continue;
        const [, namespace, name] = subject;
        const served = modelServiceAccounts(model).find((account) => account.namespace === namespace && account.name === name);
        if (served) return `user-assigned identity '${target.address}' of ServiceAccount '${namespace}/${name}' (${describeServers(served.servers)})`;
        if (!runsSomethingElse(model, namespace as string, name as string)) return `user-assigned identity '${target.address}' of Kubernetes ServiceAccount '${namespace}/${name}'`;
      }
    }
  }
  return undefined;
}

/** The scan holds workloads running as this ServiceAccount, none of them a model server. */
function runsSomethingElse(model: KubernetesModel, namespace: string, name: string): boolean {
  return model.workloads.some((workload) => (workload.object.namespace ?? 'default') === namespace && (workload.podSpec.get('serviceAccountName').str() ?? 'default') === name);
}

export const servingIdentityOwner = defineRule({
  meta: {
    id: 'IG-AZ-016',
    name: 'serving-identity-owner',
    title: 'Endpoint identity is Owner / Contributor at a broad scope',
    severity: 'high',
    rationale:
      'The managed identity of an Azure ML workspace, online endpoint or model workload runs next to code you do not fully control: model files that execute on load, inference images, prompt-injected tools. With Owner, Contributor or User Access Administrator on a whole subscription or resource group, a compromise of that code can rewrite or delete every model, storage account, key vault and cluster in the scope, replace the model another endpoint serves, or grant itself and the attacker more access. A serving identity needs data-plane read on its own model artifacts and registry, nothing more.',
    remediation:
      'Remove the `azurerm_role_assignment` and grant data-plane roles on the single resources the identity uses: `Storage Blob Data Reader` on the model storage account (or container), `AcrPull` on the registry, `AzureML Data Scientist` / a custom role on the workspace only where it must manage jobs.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-access-resources-from-endpoints-managed-identities',
      'https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles',
    ],
    mappings: { stride: ['E'], nist: ['AC-6'] },
    targets: ['tf:azurerm_role_assignment', 'ServiceAccount', 'tf:azurerm_federated_identity_credential'],
    fix: 'none',
    messages: {
      broadRole: "Role assignment '{{address}}' gives {{role}} on a {{scope}} to the {{principal}}: code running as it can take over every resource in that scope.",
    },
    examples: {
      language: 'hcl',
      bad: `data "azurerm_subscription" "current" {}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "ml" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}
`,
      good: `resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "ml" {
  scope                = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_role_assignment' || resource.mode !== 'managed') return;
        const byName = resource.root.get('role_definition_name');
        const byId = resource.root.get('role_definition_id');
        const roleNode = byName.str() !== undefined ? byName : byId;
        const roleText = roleNode.str();
        if (roleText === undefined) return;
        const role = BROAD_ROLES.get(roleNode === byName ? roleText.toLowerCase() : (roleText.split('/').pop() ?? '').toLowerCase());
        if (role === undefined) return;
        const scope = scopeOf(context.terraform, resource.root.get('scope'));
        if (scope === undefined) return;
        const principal = servingPrincipal(context.terraform, context.model, resource.root.get('principal_id'));
        if (principal === undefined) return;
        context.report({
          messageId: 'broadRole',
          data: { address: resource.address, role, scope, principal },
          at: roleNode,
          related: [{ at: resource.root.get('scope'), message: `Scope: ${scope}.` }],
        });
      },
    };
  },
});
