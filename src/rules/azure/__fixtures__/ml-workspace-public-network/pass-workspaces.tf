variable "public_access" {
  type = bool
}

resource "azurerm_machine_learning_workspace" "private" {
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

# Decided by the caller: unknown, so silent.
resource "azurerm_machine_learning_workspace" "unknown" {
  name                          = "ranking"
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

# Omitted: azurerm 4.x makes it public, 3.x private; the configuration does not say which provider it runs on.
resource "azurerm_machine_learning_workspace" "omitted" {
  name                    = "churn"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

# A look-alike attribute on another resource type.
resource "azurerm_storage_account" "models" {
  name                          = "mlmodels"
  resource_group_name           = "ml"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "GRS"
  public_network_access_enabled = true
}

resource "azapi_resource" "azapi_private" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "hub"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = var.public_access ? "Enabled" : "Disabled"
    }
    kind = "Default"
  }
}
