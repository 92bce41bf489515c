import { defineRule } from '../define-rule.js';

export const mlComputeClusterLocalAuth = defineRule({
  meta: {
    id: 'IG-AZ-007',
    name: 'ml-compute-cluster-local-auth',
    title: 'Compute cluster allows local authentication',
    severity: 'medium',
    rationale:
      'With local authentication (the provider default, `local_auth_enabled = true`) a compute cluster accepts local credentials besides Microsoft Entra ID: keys that do not expire with a user, escape Conditional Access and MFA, and are not revoked centrally. Whoever holds them can submit jobs that run with the cluster identity next to the datastores and models it reads.',
    remediation: 'Set `local_auth_enabled = false` on the `azurerm_machine_learning_compute_cluster` (forces a new cluster) so that only Entra ID authenticates.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_cluster#local_auth_enabled-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-integrate-azure-policy',
    ],
    mappings: { stride: ['S'], nist: ['IA-2'] },
    targets: ['tf:azurerm_machine_learning_compute_cluster'],
    fix: 'none',
    messages: {
      notSet: "Compute cluster '{{address}}' does not set `local_auth_enabled`, which defaults to true: it accepts local credentials besides Entra ID.",
      enabled: "Compute cluster '{{address}}' sets `local_auth_enabled = true`: it accepts local credentials besides Entra ID.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_compute_cluster" "batch" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
      good: `resource "azurerm_machine_learning_compute_cluster" "batch" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  local_auth_enabled            = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_machine_learning_compute_cluster' || resource.mode !== 'managed') return;
        const localAuth = resource.root.get('local_auth_enabled');
        if (localAuth.isTrue()) context.report({ messageId: 'enabled', data: { address: resource.address }, at: localAuth });
        else if (!localAuth.isWritten()) context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
