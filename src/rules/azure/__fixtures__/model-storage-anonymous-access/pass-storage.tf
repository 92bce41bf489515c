variable "nested_public" {
  type = bool
}

resource "azurerm_storage_account" "models" {
  name                            = "mlmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = var.nested_public
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

resource "azurerm_storage_container" "artifacts" {
  name                  = "artifacts"
  storage_account_id    = azurerm_storage_account.models.id
  container_access_type = "private"
}

# The account forbids public access, so the container setting is void.
resource "azurerm_storage_account" "locked" {
  name                            = "lockedmodels"
  resource_group_name             = "ml"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_machine_learning_workspace" "locked" {
  name                    = "ranking"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = azurerm_storage_account.locked.id
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_container" "locked" {
  name                  = "artifacts"
  storage_account_id    = azurerm_storage_account.locked.id
  container_access_type = "blob"
}

# Public, but nothing links it to a workspace or a datastore: not a model store.
resource "azurerm_storage_account" "website" {
  name                            = "website"
  resource_group_name             = "web"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}

resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_id    = azurerm_storage_account.website.id
  container_access_type = "blob"
}
