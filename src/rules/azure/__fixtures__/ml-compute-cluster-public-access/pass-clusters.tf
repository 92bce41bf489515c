variable "public_ip" {
  type = bool
}

resource "azurerm_machine_learning_compute_cluster" "private" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  node_public_ip_enabled        = false
  ssh_public_access_enabled     = false
  subnet_resource_id            = azurerm_subnet.compute.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

# Decided by the caller: unknown, so silent; SSH omitted means Disabled.
resource "azurerm_machine_learning_compute_cluster" "caller_decides" {
  name                          = "train-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  node_public_ip_enabled        = var.public_ip
  subnet_resource_id            = azurerm_subnet.compute.id
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
