# A managed online endpoint of an Azure ML workspace, its deployment, and the endpoint identity's roles.

variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "workspace_id" {
  type = string
}

variable "resource_group_id" {
  description = "Resource group the endpoint identity manages (it redeploys itself from the scoring script)."
  type        = string
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

variable "auth_mode" {
  type = string
}

variable "public_network_access" {
  type = string
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = var.name
  parent_id = var.workspace_id
  location  = var.location

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      authMode            = var.auth_mode
      publicNetworkAccess = var.public_network_access
      description         = "Online scoring for ${var.model_name}"
    }
  }

  response_export_values = ["properties.scoringUri"]
}

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

resource "azurerm_role_assignment" "endpoint" {
  scope                = var.resource_group_id
  role_definition_name = "Contributor"
  principal_id         = azapi_resource.endpoint.identity[0].principal_id
}

output "scoring_uri" {
  value = azapi_resource.endpoint.output.properties.scoringUri
}
