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

resource "azurerm_storage_account" "datasets" {
  name                     = "acmedatasets"
  resource_group_name      = "data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_container" "fraud" {
  name               = "fraud"
  storage_account_id = azurerm_storage_account.models.id
}

resource "azurerm_user_assigned_identity" "fraud" {
  name                = "fraud"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_federated_identity_credential" "fraud" {
  name                      = "fraud"
  user_assigned_identity_id = azurerm_user_assigned_identity.fraud.id
  issuer                    = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
  subject                   = "system:serviceaccount:models:fraud"
  audience                  = ["api://AzureADTokenExchange"]
}

# Reads its own model.
resource "azurerm_role_assignment" "fraud_own" {
  scope                = azurerm_storage_container.fraud.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# Writes an account no model loads from.
resource "azurerm_role_assignment" "fraud_datasets" {
  scope                = azurerm_storage_account.datasets.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# An ABAC condition narrows the write: what it leaves is not evaluated.
resource "azurerm_role_assignment" "fraud_conditional" {
  scope                = azurerm_storage_account.models.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
  condition_version    = "2.0"
  condition            = "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'staging'))"
}

# A control-plane role holds no blob data action (the account keys are IG-AZ-016's concern).
resource "azurerm_role_assignment" "fraud_contributor" {
  scope                = azurerm_storage_account.models.id
  role_definition_name = "Storage Account Contributor"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# A literal resource group id: which subscription the account lives in is the provider's, unknown here.
resource "azurerm_role_assignment" "fraud_group" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml"
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_user_assigned_identity.fraud.principal_id
}

# A principal the scan cannot name.
resource "azurerm_role_assignment" "someone" {
  scope                = azurerm_storage_account.models.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = "22222222-2222-2222-2222-222222222222"
}
