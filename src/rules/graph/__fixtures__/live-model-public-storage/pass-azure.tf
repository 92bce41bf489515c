# The same container, but no online endpoint of the workspace is in the scan: IG-AZ-012 reports it.
resource "azurerm_storage_account" "models" {
  name                            = "mlmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.models.id
  container_access_type = "blob"
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

