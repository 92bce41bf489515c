import { azapiBodyString, azapiTypeOf } from '../../model/azure/azapi.js';
import { defineRule } from '../define-rule.js';

const WORKSPACE = 'microsoft.machinelearningservices/workspaces';

export const mlWorkspacePublicNetwork = defineRule({
  meta: {
    id: 'IG-AZ-001',
    name: 'ml-workspace-public-network',
    title: 'Azure ML workspace reachable from public networks',
    severity: 'high',
    rationale:
      'An Azure Machine Learning workspace with public network access takes control-plane and data-plane calls (model registry, datastores, online endpoint management, compute) from any network. A leaked token or an over-broad role is then enough to download registered models, replace a model version that an endpoint serves, or read the datastores that hold training and inference data, from anywhere on the internet. With public access disabled the workspace answers only through its private endpoints.',
    remediation:
      'Set `public_network_access_enabled = false` on the `azurerm_machine_learning_workspace` (`publicNetworkAccess = "Disabled"` in `body.properties` of an `azapi_resource` workspace) and reach it through an `azurerm_private_endpoint` (sub-resource `amlworkspace`) in the network of its users and compute. Note: azurerm 4.x defaults the attribute to `true`; this rule only reports an explicit `true`, because azurerm 3.x created workspaces without public access when it was omitted.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace#public_network_access_enabled-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-configure-private-link',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0049'], nist: ['SC-7'] },
    targets: ['tf:azurerm_machine_learning_workspace', 'tf:azapi_resource'],
    fix: 'none',
    messages: {
      publicAccess: "Azure ML workspace '{{address}}' sets `public_network_access_enabled = true`: it accepts calls from any network.",
      azapiPublicAccess: "Azure ML workspace '{{address}}' sets `publicNetworkAccess = \"{{value}}\"`: it accepts calls from any network.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_workspace" "ml" {
  name                          = "scoring"
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id                  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  public_network_access_enabled = true
  identity {
    type = "SystemAssigned"
  }
}
`,
      good: `resource "azurerm_machine_learning_workspace" "ml" {
  name                          = "scoring"
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id                  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (azapiTypeOf(resource) === WORKSPACE) {
          const { text, value } = azapiBodyString(resource, 'properties', 'publicNetworkAccess');
          if (text?.toLowerCase() === 'enabled') context.report({ messageId: 'azapiPublicAccess', data: { address: resource.address, value: text }, at: value.at });
          return;
        }
        if (resource.type !== 'tf:azurerm_machine_learning_workspace' || resource.mode !== 'managed') return;
        const publicAccess = resource.root.get('public_network_access_enabled');
        if (publicAccess.isTrue()) context.report({ messageId: 'publicAccess', data: { address: resource.address }, at: publicAccess });
      },
    };
  },
});
