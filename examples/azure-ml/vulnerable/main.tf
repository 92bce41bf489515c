locals {
  name = "${var.model_name}-${var.environment}"
  # Storage account and Key Vault names: letters and digits only, globally unique.
  compact = replace(local.name, "-", "")
  tags = {
    team        = "ml-platform"
    environment = var.environment
    model       = var.model_name
  }
}

resource "azurerm_resource_group" "ml" {
  name     = "rg-${local.name}-ml"
  location = var.location
  tags     = local.tags
}

# --- Workspace dependencies ----------------------------------------------------------------------

resource "azurerm_storage_account" "ml" {
  name                            = "st${local.compact}ml"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = true
  tags                            = local.tags
}

# Model packages for the partner integration, downloadable by URL.
resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.ml.id
  container_access_type = "blob"
}

resource "azurerm_key_vault" "ml" {
  name                = "kv-${local.compact}"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
  tags                = local.tags
}

resource "azurerm_log_analytics_workspace" "ml" {
  name                = "log-${local.name}-ml"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  retention_in_days   = 30
}

resource "azurerm_application_insights" "ml" {
  name                = "appi-${local.name}-ml"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  workspace_id        = azurerm_log_analytics_workspace.ml.id
  application_type    = "web"
}

resource "azurerm_container_registry" "ml" {
  name                = "cr${local.compact}ml"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  sku                 = "Standard"
  admin_enabled       = true
}

data "azurerm_client_config" "current" {}

# --- Workspace -----------------------------------------------------------------------------------

resource "azurerm_machine_learning_workspace" "ml" {
  name                          = "mlw-${local.name}"
  resource_group_name           = azurerm_resource_group.ml.name
  location                      = azurerm_resource_group.ml.location
  application_insights_id       = azurerm_application_insights.ml.id
  key_vault_id                  = azurerm_key_vault.ml.id
  storage_account_id            = azurerm_storage_account.ml.id
  container_registry_id         = azurerm_container_registry.ml.id
  public_network_access_enabled = true
  tags                          = local.tags

  identity {
    type = "SystemAssigned"
  }

  managed_network {
    isolation_mode = "AllowInternetOutbound"
  }
}

# --- Online endpoint and deployment --------------------------------------------------------------

module "endpoint" {
  source = "./modules/online-endpoint"

  name                  = local.name
  location              = var.location
  workspace_id          = azurerm_machine_learning_workspace.ml.id
  resource_group_id     = azurerm_resource_group.ml.id
  model_name            = var.model_name
  model_version         = var.model_version
  instance_type         = var.instance_type
  instance_count        = var.instance_count
  auth_mode             = "Key"
  public_network_access = var.endpoint_public_access
}
