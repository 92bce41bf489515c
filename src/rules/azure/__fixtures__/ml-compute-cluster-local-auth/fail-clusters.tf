variable "local_auth" {
  type    = bool
  default = true
}

resource "azurerm_machine_learning_compute_cluster" "default_local_auth" {
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

resource "azurerm_machine_learning_compute_cluster" "from_variable" {
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
