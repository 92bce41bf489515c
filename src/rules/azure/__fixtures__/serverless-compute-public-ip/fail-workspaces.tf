variable "serverless_public_ip" {
  type    = bool
  default = true
}

resource "azurerm_machine_learning_workspace" "no_subnet" {
  name                          = "scoring"
  location                      = "westeurope"
  resource_group_name           = "ml"
  application_insights_id       = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id                  = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
  serverless_compute {
    public_ip_enabled = true
  }
}

resource "azurerm_machine_learning_workspace" "subnet_and_public_ip" {
  name                    = "ranking"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
  serverless_compute {
    subnet_id         = azurerm_subnet.jobs.id
    public_ip_enabled = var.serverless_public_ip
  }
}
