data "azurerm_subscription" "current" {}

variable "role" {
  type = string
}

variable "scope" {
  type = string
}

resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = azurerm_storage_account.models.id
  identity {
    type = "SystemAssigned"
  }
}

# A data-plane role on the single model account.
resource "azurerm_role_assignment" "reader_on_account" {
  scope                = azurerm_storage_account.models.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}

# Contributor, but on one storage account rather than a subscription or resource group.
resource "azurerm_role_assignment" "contributor_on_account" {
  scope                = azurerm_storage_account.models.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}

# Role and scope decided by the caller: unknown, so silent.
resource "azurerm_role_assignment" "caller_role" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = var.role
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}

resource "azurerm_role_assignment" "caller_scope" {
  scope                = var.scope
  role_definition_name = "Owner"
  principal_id         = azurerm_machine_learning_workspace.ml.identity[0].principal_id
}

# Owner on the subscription for an identity that serves no model (a CI deployer).
resource "azurerm_user_assigned_identity" "deployer" {
  name                = "deployer"
  location            = "westeurope"
  resource_group_name = "ml"
}

resource "azurerm_role_assignment" "deployer" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

# A GitHub Actions deployer federated to an identity: not a Kubernetes workload.
resource "azurerm_user_assigned_identity" "ci" {
  name                = "ci"
  location            = "westeurope"
  resource_group_name = "ml"
}

resource "azurerm_federated_identity_credential" "ci" {
  name                = "github"
  resource_group_name = "ml"
  parent_id           = azurerm_user_assigned_identity.ci.id
  issuer              = "https://token.actions.githubusercontent.com"
  subject             = "repo:example/models:ref:refs/heads/main"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "ci" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.ci.principal_id
}
