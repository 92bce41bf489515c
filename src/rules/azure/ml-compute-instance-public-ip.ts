import { defineRule } from '../define-rule.js';

export const mlComputeInstancePublicIp = defineRule({
  meta: {
    id: 'IG-AZ-004',
    name: 'ml-compute-instance-public-ip',
    title: 'Compute instance with public IP',
    severity: 'high',
    rationale:
      'An Azure ML compute instance is a data scientist\'s VM with the workspace\'s credentials, mounted datastores and often model weights on disk. With a public IP (the provider default, `node_public_ip_enabled = true`) it is addressable from the internet, and its Jupyter, SSH and agent endpoints are one misconfiguration or CVE away from exposure. Without a public IP it is reachable only from its virtual network.',
    remediation:
      'Set `node_public_ip_enabled = false` and `subnet_resource_id` (the provider requires a subnet without a public IP) on the `azurerm_machine_learning_compute_instance`, or put the workspace in a managed network. Both attributes force a new instance.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_instance#node_public_ip_enabled-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-secure-training-vnet',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0049'], nist: ['SC-7'] },
    targets: ['tf:azurerm_machine_learning_compute_instance'],
    fix: 'none',
    messages: {
      notSet: "Compute instance '{{address}}' does not set `node_public_ip_enabled`, which defaults to true: it gets a public IP.",
      enabled: "Compute instance '{{address}}' sets `node_public_ip_enabled = true`: it gets a public IP.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_machine_learning_compute_instance" "notebook" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  virtual_machine_size          = "Standard_NC6s_v3"
}
`,
      good: `resource "azurerm_machine_learning_compute_instance" "notebook" {
  name                          = "alice-gpu"
  machine_learning_workspace_id = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/scoring"
  virtual_machine_size          = "Standard_NC6s_v3"
  node_public_ip_enabled        = false
  subnet_resource_id            = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/virtualNetworks/ml/subnets/compute"
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_machine_learning_compute_instance' || resource.mode !== 'managed') return;
        const publicIp = resource.root.get('node_public_ip_enabled');
        if (publicIp.isTrue()) context.report({ messageId: 'enabled', data: { address: resource.address }, at: publicIp });
        else if (!publicIp.isWritten()) context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
