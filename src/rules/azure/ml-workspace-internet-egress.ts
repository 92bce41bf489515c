import { azapiBodyString, azapiTypeOf } from '../../model/azure/azapi.js';
import type { TfResource } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

const WORKSPACE = 'microsoft.machinelearningservices/workspaces';

export const mlWorkspaceInternetEgress = defineRule({
  meta: {
    id: 'IG-AZ-003',
    name: 'ml-workspace-internet-egress',
    title: 'Workspace managed network allows internet egress',
    severity: 'high',
    rationale:
      'The managed network of an Azure ML workspace decides where its compute instances, clusters, serverless jobs and managed online deployments can connect. With `AllowInternetOutbound`, or without a managed network at all (`Disabled`, the service default when `managed_network` is omitted), code that runs there — a pickled model, a compromised inference image, a malicious training dependency — can send weights, prompts and datastore contents to any host, or fetch a second stage. `AllowOnlyApprovedOutbound` limits egress to the private endpoints, service tags and FQDNs you approve.',
    remediation:
      'Set `managed_network { isolation_mode = "AllowOnlyApprovedOutbound" }` on the `azurerm_machine_learning_workspace` (`managedNetwork = { isolationMode = "AllowOnlyApprovedOutbound" }` in `body.properties` of an `azapi_resource` workspace), and add the destinations the workloads need with `azurerm_machine_learning_workspace_network_outbound_rule_fqdn` / `_service_tag` / `_private_endpoint`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace#managed_network-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-managed-network',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0025'], nist: ['SC-7', 'AC-4'] },
    targets: ['tf:azurerm_machine_learning_workspace', 'tf:azapi_resource'],
    fix: 'none',
    messages: {
      notManaged: "Azure ML workspace '{{address}}' has no managed network isolation (no isolation mode set, which means `Disabled`): its compute and online deployments can reach the internet.",
      disabled: "Azure ML workspace '{{address}}' sets its managed network isolation mode to `Disabled`: its compute and online deployments can reach the internet.",
      internetOutbound: "Azure ML workspace '{{address}}' sets its managed network isolation mode to `AllowInternetOutbound`: its compute and online deployments can reach the internet.",
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
  managed_network {
    isolation_mode = "AllowInternetOutbound"
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
  managed_network {
    isolation_mode = "AllowOnlyApprovedOutbound"
  }
}
`,
    },
  },
  create(context) {
    // azapi workspaces: projects (`kind = "Project"`) take their network from their hub, so only Default and Hub kinds are read.
    const checkAzapiWorkspace = (resource: TfResource): void => {
      const kind = azapiBodyString(resource, 'kind');
      if (kind.value.state === 'unknown' || (kind.value.state === 'set' && !['default', 'hub'].includes(kind.text?.toLowerCase() ?? ''))) return;
      const properties = azapiBodyString(resource, 'properties').value;
      if (properties.state !== 'set') return;
      const { text, value } = azapiBodyString(resource, 'properties', 'managedNetwork', 'isolationMode');
      if (value.state === 'unknown' || (value.state === 'set' && text === undefined)) return;
      const data = { address: resource.address };
      const mode = text?.toLowerCase();
      if (mode === 'allowinternetoutbound') context.report({ messageId: 'internetOutbound', data, at: value.at });
      else if (mode === 'disabled') context.report({ messageId: 'disabled', data, at: value.at });
      else if (value.state === 'absent') {
        // `managedNetwork` itself may be unknown (a variable object): then nothing is known.
        const network = azapiBodyString(resource, 'properties', 'managedNetwork').value;
        if (network.state !== 'unknown') context.report({ messageId: 'notManaged', data, at: network.state === 'set' ? network.at : properties.at });
      }
    };
    return {
      resource(resource) {
        if (azapiTypeOf(resource) === WORKSPACE) {
          checkAzapiWorkspace(resource);
          return;
        }
        if (resource.type !== 'tf:azurerm_machine_learning_workspace' || resource.mode !== 'managed') return;
        const data = { address: resource.address };
        const network = resource.root.get('managed_network');
        if (network.state === 'unknown') return;
        const block = network.items()[0];
        const mode = block?.get('isolation_mode');
        if (block === undefined || mode === undefined || !mode.isWritten()) {
          context.report({ messageId: 'notManaged', data, at: block ?? resource });
          return;
        }
        const value = mode.str();
        if (value === 'AllowInternetOutbound') context.report({ messageId: 'internetOutbound', data, at: mode });
        else if (value === 'Disabled') context.report({ messageId: 'disabled', data, at: mode });
      },
    };
  },
});
