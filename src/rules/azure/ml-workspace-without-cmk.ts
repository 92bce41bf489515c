import { defineRule } from '../define-rule.js';

export const mlWorkspaceWithoutCmk = defineRule({
  meta: {
    id: 'IG-AZ-002',
    name: 'ml-workspace-without-cmk',
    title: 'Azure ML workspace without customer-managed key',
    severity: 'medium',
    rationale:
      'Without an `encryption` block the workspace metadata and the service-side copies of models, environments and run data are encrypted with Microsoft-managed keys only: you cannot revoke access to them by disabling a key, audit every use of the key, or prove crypto-shredding when a model or its training data must be withdrawn. A customer-managed key in your own Key Vault also keeps the data in dedicated, separately encrypted resources. `high_business_impact = true` additionally reduces the diagnostic data the service collects.',
    remediation:
      'Add `encryption { key_vault_id = azurerm_key_vault.kv.id, key_id = azurerm_key_vault_key.ml.id, user_assigned_identity_id = azurerm_user_assigned_identity.ml.id }` (Key Vault with purge protection) and set `high_business_impact = true` for sensitive data. Both force a new workspace.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace#encryption-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/concept-customer-managed-keys',
    ],
    mappings: { stride: ['I'], nist: ['SC-28', 'SC-12'] },
    targets: ['tf:azurerm_machine_learning_workspace'],
    fix: 'none',
    messages: {
      noEncryption: "Azure ML workspace '{{address}}' has no `encryption` block: its data is encrypted with Microsoft-managed keys only.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_workspace" "ml" {
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
`,
      good: `resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  high_business_impact    = true
  identity {
    type = "SystemAssigned"
  }
  encryption {
    key_vault_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
    key_id       = "https://kv.vault.azure.net/keys/ml/0123456789abcdef"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_machine_learning_workspace' || resource.mode !== 'managed') return;
        // A `dynamic "encryption"` over an unknown collection is unknown: maybe a key, so silent.
        const encryption = resource.root.get('encryption');
        if (encryption.state === 'unknown' || encryption.items().length > 0) return;
        context.report({ messageId: 'noEncryption', data: { address: resource.address }, at: resource });
      },
    };
  },
});
