import { defineRule } from '../define-rule.js';

export const mlComputeClusterPublicAccess = defineRule({
  meta: {
    id: 'IG-AZ-006',
    name: 'ml-compute-cluster-public-access',
    title: 'Compute cluster nodes with public IP or public SSH',
    severity: 'high',
    rationale:
      'Compute cluster nodes run training and batch-inference jobs with the cluster identity, mounted datastores and model artifacts. With public IPs (the provider default, `node_public_ip_enabled = true`) every node is addressable from the internet; with `ssh_public_access_enabled = true` its SSH port is open to it as well, so a leaked admin password or key is a shell next to the data and the models being trained or scored.',
    remediation:
      'Set `node_public_ip_enabled = false` with a `subnet_resource_id` (or a workspace managed network), and leave `ssh_public_access_enabled` unset or `false` on the `azurerm_machine_learning_compute_cluster`; reach nodes through Bastion or the VNet when you must.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_cluster#node_public_ip_enabled-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-secure-training-vnet',
    ],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0049'], nist: ['SC-7', 'AC-17'] },
    targets: ['tf:azurerm_machine_learning_compute_cluster'],
    fix: 'none',
    messages: {
      publicIpNotSet: "Compute cluster '{{address}}' does not set `node_public_ip_enabled`, which defaults to true: its nodes get public IPs.",
      publicIp: "Compute cluster '{{address}}' sets `node_public_ip_enabled = true`: its nodes get public IPs.",
      publicSsh: "Compute cluster '{{address}}' sets `ssh_public_access_enabled = true`: the SSH port of its nodes is open to the internet.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_compute_cluster" "batch" {
  name                          = "batch-gpu"
  location                      = "westeurope"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_NC6s_v3"
  ssh_public_access_enabled     = true
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
  node_public_ip_enabled        = false
  subnet_resource_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/virtualNetworks/ml/subnets/compute"
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
        const data = { address: resource.address };
        const publicIp = resource.root.get('node_public_ip_enabled');
        if (publicIp.isTrue()) context.report({ messageId: 'publicIp', data, at: publicIp });
        else if (!publicIp.isWritten()) context.report({ messageId: 'publicIpNotSet', data, at: resource });
        // The provider sends RemoteLoginPortPublicAccess = Disabled unless this is true.
        const ssh = resource.root.get('ssh_public_access_enabled');
        if (ssh.isTrue()) context.report({ messageId: 'publicSsh', data, at: ssh });
      },
    };
  },
});
