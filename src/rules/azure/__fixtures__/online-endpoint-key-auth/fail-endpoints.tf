variable "auth_mode" {
  type    = string
  default = "key"
}

# azapi v2: body is an HCL object.
resource "azapi_resource" "v2_key" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      authMode            = "Key"
      publicNetworkAccess = "Disabled"
    }
  }
}

# azapi v1: body is jsonencode(...), a string.
resource "azapi_resource" "v1_key" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01"
  name      = "ranker"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = jsonencode({
    properties = {
      authMode            = var.auth_mode
      publicNetworkAccess = "Disabled"
    }
  })
}
