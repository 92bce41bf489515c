variable "model_container_access" {
  type    = string
  default = "container"
}

resource "azurerm_storage_account" "models" {
  name                            = "mlmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true
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

# azurerm 4.x names the account by id.
resource "azurerm_storage_container" "artifacts" {
  name                  = "artifacts"
  storage_account_id    = azurerm_storage_account.models.id
  container_access_type = "blob"
}

# azurerm 3.x names the account by name.
resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.models.name
  container_access_type = var.model_container_access
}

# A container in another account that a blob datastore reads models from.
resource "azurerm_storage_account" "shared" {
  name                     = "sharedmodels"
  resource_group_name      = "ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_container" "registry" {
  name                  = "registry"
  storage_account_id    = azurerm_storage_account.shared.id
  container_access_type = "container"
}

resource "azurerm_machine_learning_datastore_blobstorage" "registry" {
  name                 = "registry"
  workspace_id         = azurerm_machine_learning_workspace.ml.id
  storage_container_id = azurerm_storage_container.registry.resource_manager_id
}
