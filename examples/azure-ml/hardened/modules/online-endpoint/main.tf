# A managed online endpoint of an Azure ML workspace and its deployment. The endpoint runs as its own
# user-assigned identity, which may read the workspace storage, pull from the registry and write
# metrics: nothing else.

variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "workspace_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}

variable "container_registry_id" {
  type = string
}

variable "model_name" {
  type = string
}

variable "model_version" {
  type = string
}

variable "instance_type" {
  type = string
}

variable "instance_count" {
  type = number
}

resource "azurerm_user_assigned_identity" "endpoint" {
  name                = "id-${var.name}-endpoint"
  resource_group_name = var.resource_group_name
  location            = var.location
}

resource "azurerm_role_assignment" "model_reader" {
  scope                = var.storage_account_id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.endpoint.principal_id
}

resource "azurerm_role_assignment" "image_pull" {
  scope                = var.container_registry_id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.endpoint.principal_id
}

resource "azurerm_role_assignment" "metrics" {
  scope                = var.workspace_id
  role_definition_name = "AzureML Metrics Writer (preview)"
  principal_id         = azurerm_user_assigned_identity.endpoint.principal_id
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = var.name
  parent_id = var.workspace_id
  location  = var.location

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.endpoint.id]
  }

  body = {
    properties = {
      authMode            = "AADToken"
      publicNetworkAccess = "Disabled"
      description         = "Online scoring for ${var.model_name}"
    }
  }

  response_export_values = ["properties.scoringUri"]

  depends_on = [azurerm_role_assignment.model_reader, azurerm_role_assignment.image_pull, azurerm_role_assignment.metrics]
}

# Egress is decided by the workspace managed network (AllowOnlyApprovedOutbound), not by the
# legacy egressPublicNetworkAccess flag.
resource "azapi_resource" "blue" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.endpoint.id
  location  = var.location

  body = {
    sku = {
      name     = "Default"
      capacity = var.instance_count
    }
    properties = {
      endpointComputeType = "Managed"
      instanceType        = var.instance_type
      model               = "${var.workspace_id}/models/${var.model_name}/versions/${var.model_version}"
      appInsightsEnabled  = true
      scaleSettings = {
        scaleType = "Default"
      }
    }
  }
}

output "scoring_uri" {
  value = azapi_resource.endpoint.output.properties.scoringUri
}
