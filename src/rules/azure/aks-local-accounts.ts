import { defineRule } from '../define-rule.js';

export const aksLocalAccounts = defineRule({
  meta: {
    id: 'IG-AZ-014',
    name: 'aks-local-accounts',
    title: 'AKS local accounts enabled',
    severity: 'medium',
    rationale:
      'While local accounts are enabled (the default: `local_account_disabled` unset or `false`), anyone with `Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action` can download a static cluster-admin kubeconfig for the cluster that runs your model servers. That certificate bypasses Entra ID, Conditional Access and Kubernetes RBAC scoping, is not tied to a person, and stays valid until the cluster certificates are rotated.',
    remediation:
      'Set `local_account_disabled = true` on the `azurerm_kubernetes_cluster` together with `azure_active_directory_role_based_access_control { azure_rbac_enabled = true, admin_group_object_ids = [...] }`, so that every kubectl user authenticates through Entra ID.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#local_account_disabled-1',
      'https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad',
    ],
    mappings: { stride: ['S'], nist: ['IA-2'] },
    targets: ['tf:azurerm_kubernetes_cluster'],
    fix: 'none',
    messages: {
      notSet: "AKS cluster '{{address}}' does not set `local_account_disabled`: the static cluster-admin credential can be downloaded.",
      enabled: "AKS cluster '{{address}}' sets `local_account_disabled = false`: the static cluster-admin credential can be downloaded.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "azurerm_kubernetes_cluster" "serving" {
  name                = "serving"
  location            = "westeurope"
  resource_group_name = "ml"
  dns_prefix          = "serving"
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
}
`,
      good: `resource "azurerm_kubernetes_cluster" "serving" {
  name                   = "serving"
  location               = "westeurope"
  resource_group_name    = "ml"
  dns_prefix             = "serving"
  local_account_disabled = true
  default_node_pool {
    name       = "system"
    node_count = 1
    vm_size    = "Standard_D4s_v5"
  }
  identity {
    type = "SystemAssigned"
  }
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_kubernetes_cluster' || resource.mode !== 'managed') return;
        const disabled = resource.root.get('local_account_disabled');
        if (disabled.isFalse()) context.report({ messageId: 'enabled', data: { address: resource.address }, at: disabled });
        else if (!disabled.isWritten()) context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
