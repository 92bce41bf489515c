variable "endpoint_public_access" {
  type    = string
  default = "Enabled"
}

resource "azapi_resource" "omitted" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = {
      authMode = "AADToken"
    }
  }
}

resource "azapi_resource" "from_variable" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "ranker"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = {
      authMode            = "AADToken"
      publicNetworkAccess = var.endpoint_public_access
    }
  }
}

resource "azapi_resource" "v1_enabled" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "churn"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = jsonencode({
    properties = { authMode = "AMLToken", publicNetworkAccess = "Enabled" }
  })
}
