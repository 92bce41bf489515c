import { azapiBodyString, azapiTypeOf } from '../../model/azure/azapi.js';
import { defineRule } from '../define-rule.js';

const ENDPOINT = 'microsoft.machinelearningservices/workspaces/onlineendpoints';

export const onlineEndpointPublic = defineRule({
  meta: {
    id: 'IG-AZ-009',
    name: 'online-endpoint-public',
    title: 'Managed online endpoint publicly accessible',
    severity: 'high',
    rationale:
      'A managed online endpoint with public network access (`publicNetworkAccess` omitted — the service default is `Enabled` — or `Enabled`) accepts scoring requests from the whole internet. Its only protection is then the key or token, so a leaked key, a token with a broad role or an authentication weakness becomes anonymous inference from anywhere: cost, extraction of the model through its answers, and prompts that reach the data the model sees. With `Disabled` the endpoint is reachable only through the workspace private endpoint.',
    remediation:
      'Set `publicNetworkAccess = "Disabled"` in `body.properties` of the `azapi_resource` of type `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`, and give clients a private endpoint to the workspace (`amlworkspace`) in their network.',
    references: [
      'https://learn.microsoft.com/en-us/azure/templates/microsoft.machinelearningservices/workspaces/onlineendpoints',
      'https://learn.microsoft.com/en-us/azure/machine-learning/reference-yaml-endpoint-online',
      'https://learn.microsoft.com/en-us/azure/machine-learning/concept-secure-online-endpoint',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0040', 'AML.T0024'], nist: ['SC-7'] },
    targets: ['tf:azapi_resource'],
    fix: 'none',
    messages: {
      notSet: "Online endpoint '{{address}}' does not set `publicNetworkAccess`, which defaults to Enabled: it accepts scoring requests from the internet.",
      enabled: "Online endpoint '{{address}}' sets `publicNetworkAccess = \"{{value}}\"`: it accepts scoring requests from the internet.",
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
      authMode = "AADToken"
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
        const { text, value } = azapiBodyString(resource, 'properties', 'publicNetworkAccess');
        if (value.state === 'unknown') return;
        // The body itself, or `properties`, must be known to say that the attribute is absent.
        if (value.state === 'absent') {
          const properties = azapiBodyString(resource, 'properties').value;
          if (properties.state !== 'set') return;
          context.report({ messageId: 'notSet', data: { address: resource.address }, at: properties.at });
        } else if (text?.toLowerCase() === 'enabled') context.report({ messageId: 'enabled', data: { address: resource.address, value: text }, at: value.at });
      },
    };
  },
});
