resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}

resource "azurerm_storage_account" "models" {
  name                     = "acmemodels"
  resource_group_name      = azurerm_resource_group.ml.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_container" "fraud" {
  name               = "fraud"
  storage_account_id = azurerm_storage_account.models.id
}

resource "azurerm_storage_container" "ranker" {
  name                 = "ranker"
  storage_account_name = azurerm_storage_account.models.name
}

# fraud: named by its ServiceAccount's client-id annotation.
resource "azurerm_user_assigned_identity" "fraud" {
  name                = "fraud"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "kubernetes_service_account" "fraud" {
  metadata {
    name      = "fraud"
    namespace = "models"
    annotations = {
      "azure.workload.identity/client-id" = azurerm_user_assigned_identity.fraud.client_id
    }
  }
}

# fraud may replace its own model (container scope).
resource "azurerm_role_assignment" "fraud_own" {
  scope                = azurerm_storage_container.fraud.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# fraud may read every container of the account, ranker's included (a literal account id).
resource "azurerm_role_assignment" "fraud_account" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/acmemodels"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# ranker: federated to the ServiceAccount its InferenceService runs as.
resource "azurerm_user_assigned_identity" "ranker" {
  name                = "ranker"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_federated_identity_credential" "ranker" {
  name                      = "ranker"
  user_assigned_identity_id = azurerm_user_assigned_identity.ranker.id
  issuer                    = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
  subject                   = "system:serviceaccount:models:ranker"
  audience                  = ["api://AzureADTokenExchange"]
}

# ranker may write every account of the resource group (Storage Blob Data Owner by definition id): its model and fraud's.
resource "azurerm_role_assignment" "ranker_group" {
  scope              = azurerm_resource_group.ml.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/b7e6dc6d-f1e8-4753-8033-0f276bb0955b"
  principal_id       = azurerm_user_assigned_identity.ranker.principal_id
}
