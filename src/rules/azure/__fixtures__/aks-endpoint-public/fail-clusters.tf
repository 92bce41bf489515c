variable "admin_ranges" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

resource "azurerm_kubernetes_cluster" "public_default" {
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

resource "azurerm_kubernetes_cluster" "open_range" {
  name                    = "gpu"
  location                = "westeurope"
  resource_group_name     = "ml"
  dns_prefix              = "gpu"
  private_cluster_enabled = false
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

# azurerm 3.x attribute.
resource "azurerm_kubernetes_cluster" "legacy_open" {
  name                            = "batch"
  location                        = "westeurope"
  resource_group_name             = "ml"
  dns_prefix                      = "batch"
  api_server_authorized_ip_ranges = ["203.0.113.0/24", "0.0.0.0/0"]
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}
