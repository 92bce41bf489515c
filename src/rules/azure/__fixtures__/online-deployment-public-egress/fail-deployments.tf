variable "egress" {
  type    = string
  default = "Enabled"
}

resource "azurerm_machine_learning_workspace" "ml" {
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
    isolation_mode = "AllowInternetOutbound"
  }
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

resource "azapi_resource" "blue" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.endpoint.id
  location  = "westeurope"
  body = {
    sku = { name = "Default", capacity = 1 }
    properties = {
      endpointComputeType = "Managed"
      instanceType        = "Standard_DS3_v2"
      model               = "azureml:scorer:3"
    }
  }
}

resource "azapi_resource" "green" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2023-10-01"
  name      = "green"
  parent_id = azapi_resource.endpoint.id
  location  = "westeurope"
  body = jsonencode({
    sku = { name = "Default", capacity = 1 }
    properties = {
      endpointComputeType       = "Managed"
      instanceType              = "Standard_DS3_v2"
      model                     = "azureml:scorer:4"
      egressPublicNetworkAccess = var.egress
    }
  })
}
