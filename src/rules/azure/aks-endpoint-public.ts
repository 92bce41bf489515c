import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const OPEN = new Set(['0.0.0.0/0', '*', '0.0.0.0']);

export const aksEndpointPublic = defineRule({
  meta: {
    id: 'IG-AZ-015',
    name: 'aks-endpoint-public',
    title: 'AKS API server open to the internet',
    severity: 'medium',
    rationale:
      'A public AKS cluster (the default, `private_cluster_enabled = false`) without authorized IP ranges exposes the Kubernetes API server of the cluster that runs your model servers to the whole internet. Every leaked kubeconfig, token or local admin credential, and every API-server vulnerability, is then exploitable from anywhere; with authorized ranges or a private cluster an attacker first needs a foothold in an allowed network.',
    remediation:
      'Set `private_cluster_enabled = true`, or list the networks that administer the cluster in `api_server_access_profile { authorized_ip_ranges = ["203.0.113.0/24"] }` (azurerm 3.x: `api_server_authorized_ip_ranges`), never `0.0.0.0/0`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#authorized_ip_ranges-1',
      'https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges',
    ],
    mappings: { stride: ['S'], nist: ['SC-7'] },
    targets: ['tf:azurerm_kubernetes_cluster'],
    fix: 'none',
    messages: {
      noRanges: "AKS cluster '{{address}}' is not private and sets no authorized IP ranges: its API server is reachable from the internet.",
      openRange: "AKS cluster '{{address}}' authorizes '{{range}}' on its public API server: it is reachable from the internet.",
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
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:azurerm_kubernetes_cluster' || resource.mode !== 'managed') return;
        const data = { address: resource.address };
        const isPrivate = resource.root.get('private_cluster_enabled');
        if (isPrivate.isTrue() || (isPrivate.isWritten() && !isPrivate.isFalse())) return;
        const lists: Node[] = [resource.root.get('api_server_authorized_ip_ranges')];
        const profiles = resource.root.get('api_server_access_profile');
        if (profiles.state === 'unknown') return;
        for (const profile of profiles.items()) lists.push(profile.get('authorized_ip_ranges'));
        if (lists.some((list) => list.state === 'unknown')) return;
        const ranges = lists.flatMap((list) => list.items());
        // An open range decides it even when other ranges are unknown; no range at all needs every list known.
        const open = ranges.find((range) => OPEN.has(range.str() ?? ''));
        if (open) context.report({ messageId: 'openRange', data: { ...data, range: open.str() ?? '' }, at: open });
        else if (ranges.length === 0) context.report({ messageId: 'noRanges', data, at: resource });
      },
    };
  },
});
