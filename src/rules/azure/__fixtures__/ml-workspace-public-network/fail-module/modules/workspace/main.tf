variable "name" {
  type = string
}

variable "public_access" {
  type    = bool
  default = false
}

resource "azurerm_machine_learning_workspace" "this" {
  name                          = var.name
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id                  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}
