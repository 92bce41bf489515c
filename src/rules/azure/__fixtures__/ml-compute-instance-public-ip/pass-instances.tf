variable "public_ip" {
  type = bool
}

resource "azurerm_machine_learning_compute_instance" "private" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  node_public_ip_enabled        = false
  subnet_resource_id            = azurerm_subnet.compute.id
}

# Decided by the caller: unknown, so silent.
resource "azurerm_machine_learning_compute_instance" "caller_decides" {
  name                          = "bob-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  node_public_ip_enabled        = var.public_ip
  subnet_resource_id            = azurerm_subnet.compute.id
}
