variable "disable_local_accounts" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "entra_only" {
  name                   = "serving"
  location               = "westeurope"
  resource_group_name    = "ml"
  dns_prefix             = "serving"
  local_account_disabled = true
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

# Decided by the caller: unknown, so silent.
resource "azurerm_kubernetes_cluster" "caller_decides" {
  name                   = "gpu"
  location               = "westeurope"
  resource_group_name    = "ml"
  dns_prefix             = "gpu"
  local_account_disabled = var.disable_local_accounts
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}
