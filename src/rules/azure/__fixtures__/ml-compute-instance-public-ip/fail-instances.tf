variable "public_ip" {
  type    = bool
  default = true
}

resource "azurerm_machine_learning_compute_instance" "default_public" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
}

resource "azurerm_machine_learning_compute_instance" "explicit_public" {
  name                          = "bob-gpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_NC6s_v3"
  node_public_ip_enabled        = true
  subnet_resource_id            = azurerm_subnet.compute.id
}

resource "azurerm_machine_learning_compute_instance" "from_variable" {
  name                          = "carol-cpu"
  machine_learning_workspace_id = azurerm_machine_learning_workspace.ml.id
  virtual_machine_size          = "Standard_DS3_v2"
  node_public_ip_enabled        = var.public_ip
}
