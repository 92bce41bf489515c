variable "disable_local_accounts" {
  type    = bool
  default = false
}

resource "azurerm_kubernetes_cluster" "default_local" {
  name                = "serving"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "serving"
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "from_variable" {
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
