import { azapiBodyString, azapiTypeOf, referencedResources } from '../../model/azure/azapi.js';
import type { TerraformModel, TfResource } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

const DEPLOYMENT = 'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments';
const ENDPOINT = 'microsoft.machinelearningservices/workspaces/onlineendpoints';
const WORKSPACE = 'microsoft.machinelearningservices/workspaces';

type Isolation = 'approved-outbound' | 'open' | 'unknown';

/** The managed-network isolation of the workspace an endpoint's `parent_id` points at, when the scan holds it. */
function workspaceIsolation(terraform: TerraformModel, endpoint: TfResource): { isolation: Isolation; workspace?: TfResource } {
  const workspaces = referencedResources(terraform, endpoint.root.get('parent_id'));
  if (workspaces.length !== 1) return { isolation: 'unknown' };
  const workspace = workspaces[0]!;
  let mode: string | undefined;
  if (workspace.type === 'tf:azurerm_machine_learning_workspace' && workspace.mode === 'managed') {
    const network = workspace.root.get('managed_network');
    if (network.state === 'unknown') return { isolation: 'unknown' };
    const block = network.items()[0];
    const node = block?.get('isolation_mode');
    if (node !== undefined && node.isWritten()) {
      mode = node.str();
      if (mode === undefined) return { isolation: 'unknown' };
    }
  } else if (azapiTypeOf(workspace) === WORKSPACE) {
    // A project takes its network from its hub, which this does not follow.
    const kind = azapiBodyString(workspace, 'kind');
    if (kind.value.state === 'unknown' || (kind.value.state === 'set' && !['default', 'hub'].includes(kind.text?.toLowerCase() ?? ''))) return { isolation: 'unknown' };
    const { text, value } = azapiBodyString(workspace, 'properties', 'managedNetwork', 'isolationMode');
    if (value.state === 'unknown' || (value.state === 'set' && text === undefined)) return { isolation: 'unknown' };
    if (value.state === 'absent' && azapiBodyString(workspace, 'properties').value.state !== 'set') return { isolation: 'unknown' };
    mode = text;
  } else return { isolation: 'unknown' };
  // Omitted, the service creates the workspace without a managed network (`Disabled`).
  return { isolation: mode?.toLowerCase() === 'allowonlyapprovedoutbound' ? 'approved-outbound' : 'open', workspace };
}

export const onlineDeploymentPublicEgress = defineRule({
  meta: {
    id: 'IG-AZ-010',
    name: 'online-deployment-public-egress',
    title: 'Online deployment allows public egress',
    severity: 'medium',
    rationale:
      'A managed online deployment runs your scoring container. Unless its workspace has a managed network in `AllowOnlyApprovedOutbound` mode, the legacy network isolation decides its egress through `egressPublicNetworkAccess`, which defaults to `Enabled`: the model container can then open connections to any internet host. A model file that executes code on load (pickle), a compromised inference image or a prompt-injected tool call can send the model, its inputs and the deployment identity\'s tokens out, or pull a second stage.',
    remediation:
      'Prefer a workspace managed network with `isolation_mode = "AllowOnlyApprovedOutbound"` (IG-AZ-003) and approved outbound rules. With the legacy isolation, set `egressPublicNetworkAccess = "Disabled"` in `body.properties` of the `azapi_resource` of type `Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments`, and stage models and images in the workspace storage and registry.',
    references: [
      'https://learn.microsoft.com/en-us/azure/templates/microsoft.machinelearningservices/workspaces/onlineendpoints/deployments',
      'https://learn.microsoft.com/en-us/azure/machine-learning/concept-secure-online-endpoint',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025'], nist: ['SC-7'] },
    targets: ['tf:azapi_resource'],
    fix: 'none',
    messages: {
      notSet: "Online deployment '{{address}}' does not set `egressPublicNetworkAccess`, which defaults to Enabled, and its workspace '{{workspace}}' does not restrict outbound traffic: the model container can reach the internet.",
      enabled: "Online deployment '{{address}}' sets `egressPublicNetworkAccess = \"{{value}}\"` and its workspace '{{workspace}}' does not restrict outbound traffic: the model container can reach the internet.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

resource "azapi_resource" "blue" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.endpoint.id
  location  = "westeurope"
  body = {
    sku = { name = "Default", capacity = 1 }
    properties = {
      endpointComputeType = "Managed"
      instanceType        = "Standard_DS3_v2"
      model               = "azureml:scorer:3"
    }
  }
}
`,
      good: `resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "scoring"
  location                = "westeurope"
  resource_group_name     = "ml"
  application_insights_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Insights/components/ai"
  key_vault_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.KeyVault/vaults/kv"
  storage_account_id      = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/models"
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_resource" "endpoint" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "scorer"
  parent_id = azurerm_machine_learning_workspace.ml.id
  location  = "westeurope"
  body = {
    properties = { authMode = "AADToken", publicNetworkAccess = "Disabled" }
  }
}

resource "azapi_resource" "blue" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2024-04-01"
  name      = "blue"
  parent_id = azapi_resource.endpoint.id
  location  = "westeurope"
  body = {
    sku = { name = "Default", capacity = 1 }
    properties = {
      endpointComputeType       = "Managed"
      instanceType              = "Standard_DS3_v2"
      model                     = "azureml:scorer:3"
      egressPublicNetworkAccess = "Disabled"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (azapiTypeOf(resource) !== DEPLOYMENT) return;
        const { text, value } = azapiBodyString(resource, 'properties', 'egressPublicNetworkAccess');
        if (value.state === 'unknown' || (value.state === 'set' && text?.toLowerCase() !== 'enabled')) return;
        const properties = azapiBodyString(resource, 'properties').value;
        if (value.state === 'absent' && properties.state !== 'set') return;
        // Only a managed endpoint (not Kubernetes) under a workspace the scan holds: its network mode decides.
        const computeType = azapiBodyString(resource, 'properties', 'endpointComputeType').text;
        if (computeType?.toLowerCase() !== 'managed') return;
        const endpoints = referencedResources(context.terraform, resource.root.get('parent_id')).filter((candidate) => azapiTypeOf(candidate) === ENDPOINT);
        if (endpoints.length !== 1) return;
        const { isolation, workspace } = workspaceIsolation(context.terraform, endpoints[0]!);
        if (isolation !== 'open' || workspace === undefined) return;
        const data = { address: resource.address, workspace: workspace.address };
        const related = [{ at: workspace, message: `Workspace '${workspace.address}' has no managed network in AllowOnlyApprovedOutbound mode.` }];
        if (value.state === 'absent') context.report({ messageId: 'notSet', data, at: properties.at, related });
        else context.report({ messageId: 'enabled', data: { ...data, value: text ?? '' }, at: value.at, related });
      },
    };
  },
});
