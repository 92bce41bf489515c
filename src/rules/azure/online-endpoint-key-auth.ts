import { azapiBodyString, azapiTypeOf } from '../../model/azure/azapi.js';
import { defineRule } from '../define-rule.js';

const ENDPOINT = 'microsoft.machinelearningservices/workspaces/onlineendpoints';

export const onlineEndpointKeyAuth = defineRule({
  meta: {
    id: 'IG-AZ-008',
    name: 'online-endpoint-key-auth',
    title: 'Managed online endpoint uses static keys',
    severity: 'medium',
    rationale:
      'With `authMode: Key` a managed online endpoint accepts two static keys that never expire, are not tied to a caller, cannot be scoped by Azure RBAC and leave no per-user trace in the logs. A key copied into a notebook, a client app or a CI log lets anyone who finds it call the model (cost, data extraction, model theft through queries) until someone regenerates it. `AADToken` authenticates each caller with Microsoft Entra ID and an Azure role; `AMLToken` issues short-lived tokens.',
    remediation:
      'Set `authMode = "AADToken"` in `body.properties` of the `azapi_resource` of type `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`, and grant callers the `AzureML Data Scientist` role (or a custom role with `Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action`) on the endpoint only. `AMLToken` is acceptable where Entra ID is not available.',
    references: [
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-authenticate-online-endpoint',
      'https://learn.microsoft.com/en-us/azure/templates/microsoft.machinelearningservices/workspaces/onlineendpoints',
    ],
    mappings: { stride: ['S', 'R'], atlas: ['AML.T0012', 'AML.T0040'], nist: ['IA-5', 'IA-2'] },
    targets: ['tf:azapi_resource'],
    fix: 'none',
    messages: {
      keyAuth: "Online endpoint '{{address}}' sets `authMode = \"{{mode}}\"`: callers authenticate with static keys that never expire.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  location  = "westeurope"
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      authMode            = "Key"
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
      good: `resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  location  = "westeurope"
  identity {
    type = "SystemAssigned"
  }
  body = {
    properties = {
      authMode            = "AADToken"
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (azapiTypeOf(resource) !== ENDPOINT) return;
        // authMode is required by the API: absent means the request is rejected, not a default.
        const { text, value } = azapiBodyString(resource, 'properties', 'authMode');
        if (text?.toLowerCase() === 'key') context.report({ messageId: 'keyAuth', data: { address: resource.address, mode: text }, at: value.at });
      },
    };
  },
});
