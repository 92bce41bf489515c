variable "local_auth" {
  type    = bool
  default = true
}

resource "azurerm_machine_learning_compute_instance" "default_local_auth" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  node_public_ip_enabled        = false
  subnet_resource_id            = azurerm_subnet.compute.id
}

resource "azurerm_machine_learning_compute_instance" "from_variable" {
  name                          = "bob-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  local_auth_enabled            = var.local_auth
}
