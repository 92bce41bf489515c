variable "isolation" {
  type = string
}

resource "azurerm_machine_learning_workspace" "approved_only" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
  managed_network {
    isolation_mode = "AllowOnlyApprovedOutbound"
  }
}

# Decided by the caller: unknown, so silent.
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
  managed_network {
    isolation_mode = var.isolation
  }
}

resource "azapi_resource" "azapi_approved" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "hub"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = {
      managedNetwork = { isolationMode = "AllowOnlyApprovedOutbound" }
    }
    kind = "Hub"
  }
}

# A project takes its network from its hub.
resource "azapi_resource" "azapi_project" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "project"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = { hubResourceId = azapi_resource.azapi_approved.id }
    kind       = "Project"
  }
}

resource "azapi_resource" "azapi_caller_decides" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "other"
  parent_id = "/subscriptions/0000/resourceGroups/ml"
  location  = "westeurope"
  body = {
    properties = {
      managedNetwork = { isolationMode = var.isolation }
    }
    kind = "Default"
  }
}
