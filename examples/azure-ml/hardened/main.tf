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

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "ml" {
  name     = "rg-${local.name}-ml"
  location = var.location
  tags     = local.tags
}

# --- Customer-managed key --------------------------------------------------------------------------

resource "azurerm_user_assigned_identity" "workspace" {
  name                = "id-${local.name}-mlw"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
}

resource "azurerm_key_vault" "ml" {
  name                          = "kv-${local.compact}"
  resource_group_name           = azurerm_resource_group.ml.name
  location                      = azurerm_resource_group.ml.location
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "premium"
  enable_rbac_authorization     = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false
  tags                          = local.tags

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_key_vault_key" "workspace" {
  name         = "mlw-${local.name}"
  key_vault_id = azurerm_key_vault.ml.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    automatic {
      time_before_expiry = "P30D"
    }
    expire_after         = "P1Y"
    notify_before_expiry = "P29D"
  }
}

resource "azurerm_role_assignment" "workspace_key" {
  scope                = azurerm_key_vault.ml.id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
}

# --- Workspace dependencies ----------------------------------------------------------------------

resource "azurerm_storage_account" "ml" {
  name                            = "st${local.compact}ml"
  resource_group_name             = azurerm_resource_group.ml.name
  location                        = azurerm_resource_group.ml.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = false
  tags                            = local.tags

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
  }
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.ml.id
  container_access_type = "private"
}

resource "azurerm_log_analytics_workspace" "ml" {
  name                = "log-${local.name}-ml"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  retention_in_days   = 90
}

resource "azurerm_application_insights" "ml" {
  name                = "appi-${local.name}-ml"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  workspace_id        = azurerm_log_analytics_workspace.ml.id
  application_type    = "web"
}

resource "azurerm_container_registry" "ml" {
  name                          = "cr${local.compact}ml"
  resource_group_name           = azurerm_resource_group.ml.name
  location                      = azurerm_resource_group.ml.location
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
}

# --- Workspace: private, CMK, approved outbound only ----------------------------------------------

resource "azurerm_machine_learning_workspace" "ml" {
  name                           = "mlw-${local.name}"
  resource_group_name            = azurerm_resource_group.ml.name
  location                       = azurerm_resource_group.ml.location
  application_insights_id        = azurerm_application_insights.ml.id
  key_vault_id                   = azurerm_key_vault.ml.id
  storage_account_id             = azurerm_storage_account.ml.id
  container_registry_id          = azurerm_container_registry.ml.id
  public_network_access_enabled  = false
  high_business_impact           = true
  primary_user_assigned_identity = azurerm_user_assigned_identity.workspace.id
  tags                           = local.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.workspace.id]
  }

  encryption {
    key_vault_id              = azurerm_key_vault.ml.id
    key_id                    = azurerm_key_vault_key.workspace.id
    user_assigned_identity_id = azurerm_user_assigned_identity.workspace.id
  }

  managed_network {
    isolation_mode = "AllowOnlyApprovedOutbound"
  }

  depends_on = [azurerm_role_assignment.workspace_key]
}

resource "azurerm_private_endpoint" "workspace" {
  name                = "pe-${local.name}-mlw"
  resource_group_name = azurerm_resource_group.ml.name
  location            = azurerm_resource_group.ml.location
  subnet_id           = var.private_endpoint_subnet_id

  private_service_connection {
    name                           = "amlworkspace"
    private_connection_resource_id = azurerm_machine_learning_workspace.ml.id
    subresource_names              = ["amlworkspace"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "amlworkspace"
    private_dns_zone_ids = var.private_dns_zone_ids
  }
}

# --- Online endpoint and deployment --------------------------------------------------------------

module "endpoint" {
  source = "./modules/online-endpoint"

  name                  = local.name
  location              = var.location
  resource_group_name   = azurerm_resource_group.ml.name
  workspace_id          = azurerm_machine_learning_workspace.ml.id
  storage_account_id    = azurerm_storage_account.ml.id
  container_registry_id = azurerm_container_registry.ml.id
  model_name            = var.model_name
  model_version         = var.model_version
  instance_type         = var.instance_type
  instance_count        = var.instance_count
}
