import { networkPolicies } from '../../model/network-policies.js';
import { clusterEnforcement } from '../../model/network-policy-enforcement.js';
import { defineRule } from '../define-rule.js';

export const aksNetworkPolicyOff = defineRule({
  meta: {
    id: 'IG-AZ-013',
    name: 'aks-network-policy-off',
    title: 'AKS does not enforce NetworkPolicies',
    severity: 'medium',
    rationale:
      'An AKS cluster created without a network policy engine (`network_profile.network_policy` unset, or no `network_profile` at all) accepts NetworkPolicy objects but enforces none of them: every pod can reach every model server, its management and metrics ports, and the cloud metadata endpoint, whatever the manifests say. When the scanned repository ships NetworkPolicies the gap is worse than none — reviewers believe the model servers are isolated while they are not — so the finding is raised to high.',
    remediation:
      'Create the cluster with `network_profile { network_plugin = "azure", network_policy = "azure" }` (or `"calico"`, or `network_data_plane = "cilium"` with `network_policy = "cilium"`). The network profile is fixed at creation on older clusters; plan a new cluster or an in-place network policy migration.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#network_policy-1',
      'https://learn.microsoft.com/en-us/azure/aks/use-network-policies',
    ],
    mappings: { stride: ['I'], nist: ['SC-7'] },
    targets: ['tf:azurerm_kubernetes_cluster'],
    fix: 'none',
    messages: {
      noProfile: "AKS cluster '{{address}}' has no `network_profile` (kubenet, no network policy engine): NetworkPolicies are not enforced.",
      notSet: "AKS cluster '{{address}}' does not set `network_profile.network_policy`: NetworkPolicies are not enforced.",
      none: "AKS cluster '{{address}}' sets `network_profile.network_policy = \"none\"`: NetworkPolicies are not enforced.",
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
  network_profile {
    network_plugin = "azure"
  }
}
`,
      good: `resource "azurerm_kubernetes_cluster" "serving" {
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
  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }
}
`,
    },
  },
  create(context) {
    let shipsPolicies: boolean | undefined;
    const severity = () => {
      shipsPolicies ??= networkPolicies(context.model).length > 0;
      return shipsPolicies ? 'high' : 'medium';
    };
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_kubernetes_cluster') return;
        const found = clusterEnforcement(resource, context.terraform);
        if (found?.state !== 'not-enforced') return;
        const messageId = found.reason === 'aks-no-profile' ? 'noProfile' : found.reason === 'aks-policy-none' ? 'none' : 'notSet';
        context.report({ messageId, data: { address: resource.address }, at: found.at, severity: severity() });
      },
    };
  },
});
