resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}

# Named by the model ServiceAccount's azure.workload.identity/client-id annotation.
resource "azurerm_user_assigned_identity" "llm" {
  name                = "llm"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_role_assignment" "llm" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.llm.principal_id
}

resource "kubernetes_service_account" "llm" {
  metadata {
    name      = "llm"
    namespace = "serving"
    annotations = {
      "azure.workload.identity/client-id" = azurerm_user_assigned_identity.llm.client_id
    }
  }
}

resource "kubernetes_deployment" "llm" {
  metadata {
    name      = "llm"
    namespace = "serving"
  }
  spec {
    selector {
      match_labels = { app = "llm" }
    }
    template {
      metadata {
        labels = { app = "llm", "azure.workload.identity/use" = "true" }
      }
      spec {
        service_account_name = kubernetes_service_account.llm.metadata[0].name
        container {
          name  = "vllm"
          image = "vllm/vllm-openai:v0.8.5"
        }
      }
    }
  }
}

# Federated to the ServiceAccount the Triton Deployment of serving.yaml runs as.
resource "azurerm_user_assigned_identity" "ranker" {
  name                = "ranker"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.ml.name
}

resource "azurerm_federated_identity_credential" "ranker" {
  name                = "ranker"
  resource_group_name = azurerm_resource_group.ml.name
  parent_id           = azurerm_user_assigned_identity.ranker.id
  issuer              = "https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/"
  subject             = "system:serviceaccount:serving:ranker"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "ranker" {
  scope                = azurerm_resource_group.ml.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.ranker.principal_id
}
