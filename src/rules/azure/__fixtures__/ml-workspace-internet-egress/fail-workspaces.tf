variable "isolation" {
  type    = string
  default = "AllowInternetOutbound"
}

locals {
  insights = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  vault    = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
}

resource "azurerm_machine_learning_workspace" "no_managed_network" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_machine_learning_workspace" "internet_outbound" {
  name                    = "ranking"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  identity {
    type = "SystemAssigned"
  }
  managed_network {
    isolation_mode = var.isolation
  }
}

resource "azurerm_machine_learning_workspace" "disabled" {
  name                    = "churn"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  identity {
    type = "SystemAssigned"
  }
  managed_network {
    isolation_mode = "Disabled"
  }
}

resource "azurerm_machine_learning_workspace" "empty_block" {
  name                    = "fraud"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = local.insights
  key_vault_id            = local.vault
  storage_account_id      = local.storage
  identity {
    type = "SystemAssigned"
  }
  managed_network {
  }
}

# azapi workspaces (the AVM module's form).
resource "azapi_resource" "azapi_disabled" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "hub"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = {
      storageAccount = local.storage
      managedNetwork = {
        isolationMode = "Disabled"
      }
    }
    kind = "Hub"
  }
}

resource "azapi_resource" "azapi_no_network" {
  type      = "Microsoft.MachineLearningServices/workspaces@2023-10-01"
  name      = "default"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = jsonencode({
    properties = { storageAccount = local.storage }
  })
}
