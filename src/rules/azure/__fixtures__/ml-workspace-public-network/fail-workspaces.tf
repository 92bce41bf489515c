variable "public_access" {
  type    = bool
  default = true
}

locals {
  ids = {
    insights = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
    vault    = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
    storage  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  }
}

resource "azurerm_machine_learning_workspace" "explicit" {
  name                          = "scoring"
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = local.ids.insights
  key_vault_id                  = local.ids.vault
  storage_account_id            = local.ids.storage
  public_network_access_enabled = true
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_workspace" "from_variable" {
  name                          = "ranking"
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = local.ids.insights
  key_vault_id                  = local.ids.vault
  storage_account_id            = local.ids.storage
  public_network_access_enabled = var.public_access
  identity {
    type = "SystemAssigned"
  }
}

# An azapi workspace (the AVM module's form).
resource "azapi_resource" "azapi_public" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "hub"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = {
      publicNetworkAccess = var.public_access ? "Enabled" : "Disabled"
      storageAccount      = local.ids.storage
    }
    kind = "Default"
  }
}
