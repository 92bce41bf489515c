resource "azurerm_kubernetes_cluster" "kubenet" {
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

resource "azurerm_kubernetes_cluster" "azure_cni_no_policy" {
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
    network_plugin = "azure"
  }
}

resource "azurerm_kubernetes_cluster" "policy_none" {
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
    network_policy = "none"
  }
}
