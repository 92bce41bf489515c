variable "network_policy" {
  type = string
}

resource "azurerm_kubernetes_cluster" "azure_policy" {
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
  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }
}

# Azure CNI powered by Cilium enforces NetworkPolicies itself.
resource "azurerm_kubernetes_cluster" "cilium" {
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
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
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
  network_profile {
    network_plugin = "azure"
    network_policy = var.network_policy
  }
}
