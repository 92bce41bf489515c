locals {
  insights = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  vault    = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
}

resource "azurerm_machine_learning_workspace" "no_cmk" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  high_business_impact    = true
  identity {
    type = "SystemAssigned"
  }
}

# A dynamic block over an empty collection writes no block.
resource "azurerm_machine_learning_workspace" "empty_dynamic" {
  name                    = "ranking"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  identity {
    type = "SystemAssigned"
  }
  dynamic "encryption" {
    for_each = []
    content {
      key_vault_id = local.vault
      key_id       = "https://kv.vault.azure.net/keys/ml/0123"
    }
  }
}
