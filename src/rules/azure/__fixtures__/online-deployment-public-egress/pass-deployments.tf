variable "egress" {
  type = string
}

variable "isolation" {
  type = string
}

resource "azurerm_machine_learning_workspace" "open" {
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

resource "azurerm_machine_learning_workspace" "approved_only" {
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
    isolation_mode = "AllowOnlyApprovedOutbound"
  }
}

resource "azurerm_machine_learning_workspace" "caller_decides" {
  name                    = "churn"
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

resource "azapi_resource" "open_endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.open.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

resource "azapi_resource" "approved_endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "ranker"
  parent_id = azurerm_machine_learning_workspace.approved_only.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

resource "azapi_resource" "unknown_endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "churn"
  parent_id = azurerm_machine_learning_workspace.caller_decides.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

# Egress disabled under an open workspace.
resource "azapi_resource" "secure_egress" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.open_endpoint.id
  location  = "westeurope"
  body = {
    properties = {
      endpointComputeType       = "Managed"
      model                     = "azureml:scorer:3"
      egressPublicNetworkAccess = "Disabled"
    }
  }
}

# Egress from an unresolved variable.
resource "azapi_resource" "caller_egress" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "green"
  parent_id = azapi_resource.open_endpoint.id
  location  = "westeurope"
  body = {
    properties = {
      endpointComputeType       = "Managed"
      model                     = "azureml:scorer:4"
      egressPublicNetworkAccess = var.egress
    }
  }
}

# The workspace managed network decides egress.
resource "azapi_resource" "managed_network" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.approved_endpoint.id
  location  = "westeurope"
  body = {
    properties = { endpointComputeType = "Managed", model = "azureml:ranker:1" }
  }
}

# The workspace isolation is unknown.
resource "azapi_resource" "unknown_workspace" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.unknown_endpoint.id
  location  = "westeurope"
  body = {
    properties = { endpointComputeType = "Managed", model = "azureml:churn:1" }
  }
}

# A workspace outside the scan: nothing is known about its network.
resource "azapi_resource" "external_endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/shared/onlineEndpoints/fraud"
  location  = "westeurope"
  body = {
    properties = { endpointComputeType = "Managed", model = "azureml:fraud:1" }
  }
}
