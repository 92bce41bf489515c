variable "auth_mode" {
  type = string
}

resource "azapi_resource" "entra" {
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

resource "azapi_resource" "aml_token" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "ranker"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = jsonencode({
    properties = { authMode = "AMLToken", publicNetworkAccess = "Disabled" }
  })
}

# Decided by the caller, in both body forms: unknown, so silent.
resource "azapi_resource" "caller_decides_v2" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "churn"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = var.auth_mode }
  }
}

resource "azapi_resource" "caller_decides_v1" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "fraud"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = jsonencode({
    properties = { authMode = var.auth_mode }
  })
}

# Another azapi type with a look-alike property.
resource "azapi_resource" "batch" {
  type      = "Microsoft.MachineLearningServices/workspaces/batchEndpoints@2024-04-01"
  name      = "nightly"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = "Key" }
  }
}
