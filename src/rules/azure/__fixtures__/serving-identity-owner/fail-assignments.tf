data "azurerm_subscription" "current" {}

variable "role" {
  type    = string
  default = "Owner"
}

resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = azurerm_resource_group.ml.name
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

# The workspace identity is Contributor on the subscription.
resource "azurerm_role_assignment" "workspace_subscription" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}

resource "azurerm_user_assigned_identity" "scorer" {
  name                = "scorer"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.scorer.id]
  }
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

# The endpoint's user-assigned identity is Owner (from a variable default) on the resource group.
resource "azurerm_role_assignment" "endpoint_resource_group" {
  scope                = azurerm_resource_group.ml.id
  role_definition_name = var.role
  principal_id         = azurerm_user_assigned_identity.scorer.principal_id
}

# An AKS workload identity of a model server, User Access Administrator by role definition id.
resource "azurerm_user_assigned_identity" "vllm" {
  name                = "vllm"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_federated_identity_credential" "vllm" {
  name                = "vllm"
  resource_group_name = azurerm_resource_group.ml.name
  parent_id           = azurerm_user_assigned_identity.vllm.id
  issuer              = azurerm_kubernetes_cluster.serving.oidc_issuer_url
  subject             = "system:serviceaccount:serving:vllm"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "workload_literal_rg" {
  scope              = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml"
  role_definition_id = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb0-a5c3-5773c6be72a9"
  principal_id       = azurerm_user_assigned_identity.vllm.principal_id
}
