variable "cmk" {
  type = list(object({ vault = string, key = string }))
}

resource "azurerm_machine_learning_workspace" "cmk" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
  encryption {
    key_vault_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
    key_id       = azurerm_key_vault_key.ml.id
  }
}

# The caller decides whether there is a key: unknown, so silent.
resource "azurerm_machine_learning_workspace" "caller_decides" {
  name                    = "ranking"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
  dynamic "encryption" {
    for_each = var.cmk
    content {
      key_vault_id = encryption.value.vault
      key_id       = encryption.value.key
    }
  }
}
