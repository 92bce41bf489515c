variable "admin_ranges" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster" "private" {
  name                    = "serving"
  location                = "westeurope"
  resource_group_name     = "ml"
  dns_prefix              = "serving"
  private_cluster_enabled = true
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "narrow_ranges" {
  name                = "gpu"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "gpu"
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}

# Decided by the caller: unknown, so silent.
resource "azurerm_kubernetes_cluster" "caller_decides" {
  name                = "batch"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "batch"
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
  api_server_access_profile {
    authorized_ip_ranges = var.admin_ranges
  }
}
