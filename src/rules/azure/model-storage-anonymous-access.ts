import { referencedResources } from '../../model/azure/azapi.js';
import type { TfResource } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

const PUBLIC_ACCESS = new Set(['blob', 'container']);

export const modelStorageAnonymousAccess = defineRule({
  meta: {
    id: 'IG-AZ-012',
    name: 'model-storage-anonymous-access',
    title: 'Model storage account or container allows anonymous access',
    severity: 'critical',
    rationale:
      'The storage account of an Azure ML workspace (`storage_account_id`) and the containers behind its blob datastores hold registered models, deployment artifacts and datasets. When the account allows public blob access (`allow_nested_items_to_be_public = true`) and a container is `blob` or `container`, anyone on the internet can list and download those models without credentials: model theft, and a map of what the deployments serve. Anonymous access is also the first step to tampering when keys or SAS tokens leak later.',
    remediation:
      'Set `allow_nested_items_to_be_public = false` on the `azurerm_storage_account` and `container_access_type = "private"` (the default) on its `azurerm_storage_container`s; also consider `public_network_access_enabled = false` with private endpoints and `shared_access_key_enabled = false`. Note: azurerm 4.x defaults `allow_nested_items_to_be_public` to false and 3.x to true; this rule reports explicit values only.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#allow_nested_items_to_be_public-1',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container#container_access_type-1',
      'https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0035'], owasp: ['ML05'], nist: ['AC-3'] },
    targets: ['tf:azurerm_storage_account', 'tf:azurerm_storage_container', 'tf:azurerm_machine_learning_workspace', 'tf:azurerm_machine_learning_datastore_blobstorage'],
    fix: 'none',
    messages: {
      accountPublic: "Storage account '{{address}}' of Azure ML workspace '{{workspace}}' sets `allow_nested_items_to_be_public = true`: its containers can be opened to anonymous readers.",
      containerPublic: "Storage container '{{address}}' (account '{{account}}' of Azure ML workspace '{{workspace}}') sets `container_access_type = \"{{access}}\"`: anyone can read its blobs without credentials.",
      datastoreContainerPublic: "Storage container '{{address}}' behind Azure ML datastore '{{datastore}}' sets `container_access_type = \"{{access}}\"`: anyone can read its blobs without credentials.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_storage_account" "models" {
  name                            = "mlmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = azurerm_storage_account.models.id
  identity {
    type = "SystemAssigned"
  }
}
`,
      good: `resource "azurerm_storage_account" "models" {
  name                            = "mlmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = azurerm_storage_account.models.id
  identity {
    type = "SystemAssigned"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const terraform = context.terraform;
        // Storage account → the workspace that uses it.
        const accounts = new Map<TfResource, TfResource>();
        for (const workspace of terraform.byType('tf:azurerm_machine_learning_workspace')) {
          if (workspace.mode !== 'managed') continue;
          for (const account of referencedResources(terraform, workspace.root.get('storage_account_id'))) {
            if (account.type === 'tf:azurerm_storage_account' && account.mode === 'managed' && !accounts.has(account)) accounts.set(account, workspace);
          }
        }
        // Containers behind blob datastores, with the datastore that reads them.
        const datastoreContainers = new Map<TfResource, TfResource>();
        for (const datastore of terraform.byType('tf:azurerm_machine_learning_datastore_blobstorage')) {
          for (const container of referencedResources(terraform, datastore.root.get('storage_container_id'))) {
            if (container.type === 'tf:azurerm_storage_container' && container.mode === 'managed' && !datastoreContainers.has(container)) datastoreContainers.set(container, datastore);
          }
        }
        for (const [account, workspace] of accounts) {
          const nested = account.root.get('allow_nested_items_to_be_public');
          if (nested.isTrue()) context.report({ messageId: 'accountPublic', data: { address: account.address, workspace: workspace.address }, at: nested, object: account });
        }
        for (const container of terraform.byType('tf:azurerm_storage_container')) {
          if (container.mode !== 'managed') continue;
          const access = container.root.get('container_access_type');
          const value = access.str();
          if (value === undefined || !PUBLIC_ACCESS.has(value)) continue;
          // azurerm 3.x names the account (`storage_account_name`), 4.x points at it (`storage_account_id`).
          const parents = [...referencedResources(terraform, container.root.get('storage_account_id')), ...referencedResources(terraform, container.root.get('storage_account_name'))].filter((candidate) => candidate.type === 'tf:azurerm_storage_account');
          // An account that explicitly forbids public access makes the container setting void (Azure rejects it).
          if (parents.some((parent) => parent.root.get('allow_nested_items_to_be_public').isFalse())) continue;
          const linked = parents.find((parent) => accounts.has(parent));
          if (linked !== undefined) {
            context.report({ messageId: 'containerPublic', data: { address: container.address, account: linked.address, workspace: accounts.get(linked)!.address, access: value }, at: access, object: container });
            continue;
          }
          const datastore = datastoreContainers.get(container);
          if (datastore !== undefined) context.report({ messageId: 'datastoreContainerPublic', data: { address: container.address, datastore: datastore.address, access: value }, at: access, object: container });
        }
      },
    };
  },
});
