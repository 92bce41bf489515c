import { defineRule } from '../define-rule.js';

export const serverlessComputePublicIp = defineRule({
  meta: {
    id: 'IG-AZ-011',
    name: 'serverless-compute-public-ip',
    title: 'Serverless compute with public IPs',
    severity: 'medium',
    rationale:
      'Serverless compute runs the workspace\'s jobs (fine-tuning, batch scoring) on nodes Azure ML provisions for each job. With `serverless_compute.public_ip_enabled = true` those nodes get public IP addresses and are reachable from the internet while they hold the job identity, datastore mounts and model weights. The azurerm provider requires public IPs when the workspace has no public network access and no `subnet_id` is given, so the fix is a subnet, not only the flag.',
    remediation:
      'In the `serverless_compute` block of the `azurerm_machine_learning_workspace` set `subnet_id` to a subnet of your network and `public_ip_enabled = false` (the default), or use a workspace managed network.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace#serverless_compute-1',
      'https://learn.microsoft.com/en-us/azure/machine-learning/how-to-use-serverless-compute',
    ],
    mappings: { stride: ['I'], nist: ['SC-7'] },
    targets: ['tf:azurerm_machine_learning_workspace'],
    fix: 'none',
    messages: {
      publicIp: "Azure ML workspace '{{address}}' sets `serverless_compute.public_ip_enabled = true`: serverless job nodes get public IPs.",
      publicIpNoSubnet: "Azure ML workspace '{{address}}' sets `serverless_compute.public_ip_enabled = true` without a `subnet_id`: serverless job nodes get public IPs outside your network.",
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
  serverless_compute {
    public_ip_enabled = true
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
  serverless_compute {
    subnet_id         = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Network/virtualNetworks/ml/subnets/jobs"
    public_ip_enabled = false
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_machine_learning_workspace' || resource.mode !== 'managed') return;
        for (const block of resource.root.get('serverless_compute').items()) {
          // public_ip_enabled defaults to false: only an explicit true gives the nodes public IPs.
          const publicIp = block.get('public_ip_enabled');
          if (!publicIp.isTrue()) continue;
          const subnet = block.get('subnet_id');
          context.report({ messageId: subnet.isWritten() ? 'publicIp' : 'publicIpNoSubnet', data: { address: resource.address }, at: publicIp });
        }
      },
    };
  },
});
