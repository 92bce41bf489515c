variable "ssh_public" {
  type    = bool
  default = true
}

resource "azurerm_machine_learning_compute_cluster" "default_public" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

resource "azurerm_machine_learning_compute_cluster" "public_ssh" {
  name                          = "train-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "LowPriority"
  vm_size                       = "Standard_NC24ads_A100_v4"
  node_public_ip_enabled        = true
  ssh_public_access_enabled     = var.ssh_public
  subnet_resource_id            = azurerm_subnet.compute.id
  ssh {
    admin_username = "azureuser"
    key_value      = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForFixture"
  }
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 8
    scale_down_nodes_after_idle_duration = "PT120S"
  }
}
