resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}

# Federated to the ServiceAccount of a backup CronJob (serving.yaml): no model server runs as it.
resource "azurerm_user_assigned_identity" "backup" {
  name                = "backup"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_federated_identity_credential" "backup" {
  name                = "backup"
  resource_group_name = azurerm_resource_group.ml.name
  parent_id           = azurerm_user_assigned_identity.backup.id
  issuer              = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
  subject             = "system:serviceaccount:serving:backup"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "backup" {
  scope                = azurerm_resource_group.ml.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.backup.principal_id
}
