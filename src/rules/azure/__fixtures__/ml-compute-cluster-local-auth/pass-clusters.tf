variable "local_auth" {
  type = bool
}

resource "azurerm_machine_learning_compute_cluster" "entra_only" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  local_auth_enabled            = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

# Decided by the caller: unknown, so silent.
resource "azurerm_machine_learning_compute_cluster" "caller_decides" {
  name                          = "train-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  local_auth_enabled            = var.local_auth
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
