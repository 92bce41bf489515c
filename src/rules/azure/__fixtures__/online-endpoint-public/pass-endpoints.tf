variable "endpoint_public_access" {
  type = string
}

variable "endpoint_properties" {
  type = any
}

resource "azapi_resource" "private" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = {
      authMode            = "AADToken"
      publicNetworkAccess = "Disabled"
    }
  }
}

resource "azapi_resource" "v1_private" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "ranker"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = jsonencode({
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  })
}

# Decided by the caller (the value, or the whole properties object): unknown, so silent.
resource "azapi_resource" "caller_decides" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "churn"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = var.endpoint_public_access }
  }
}

resource "azapi_resource" "caller_properties" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "fraud"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = var.endpoint_properties
  }
}
