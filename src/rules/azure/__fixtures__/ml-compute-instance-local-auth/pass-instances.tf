variable "local_auth" {
  type = bool
}

resource "azurerm_machine_learning_compute_instance" "entra_only" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  local_auth_enabled            = false
  authorization_type            = "personal"
}

# Decided by the caller: unknown, so silent.
resource "azurerm_machine_learning_compute_instance" "caller_decides" {
  name                          = "bob-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  local_auth_enabled            = var.local_auth
}

# The compute cluster has its own rule.
resource "azurerm_machine_learning_compute_cluster" "batch" {
  name                          = "batch"
  location                      = "westeurope"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  local_auth_enabled            = true
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
