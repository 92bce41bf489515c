import { clusterEnforcement } from '../../model/network-policy-enforcement.js';
import { defineRule } from '../define-rule.js';

export const gkeNetworkPolicyUnenforced = defineRule({
  meta: {
    id: 'IG-GCP-012',
    name: 'gke-network-policy-unenforced',
    title: 'GKE does not enforce NetworkPolicies',
    severity: 'high',
    rationale:
      'A Standard GKE cluster enforces Kubernetes NetworkPolicies only with Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`) or the Calico add-on (`network_policy { enabled = true }`); by default it uses the legacy kube-proxy datapath and ignores them. Every policy the repository ships — the default-deny around a model server, the rule that only the gateway reaches the inference port, the egress block to the metadata server — is then accepted by the API server and silently does nothing. The finding is high when the scan holds NetworkPolicies (they are being relied on) and medium otherwise.',
    remediation:
      'Create the cluster with Dataplane V2: `datapath_provider = "ADVANCED_DATAPATH"` (recreates the cluster), or enable Calico with `network_policy { enabled = true, provider = "CALICO" }` and `addons_config { network_policy_config { disabled = false } }`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#datapath_provider-1',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_network_policy',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/dataplane-v2',
      'https://cloud.google.com/kubernetes-engine/enterprise/clusters/docs/dataplane-v2',
    ],
    mappings: { stride: ['I'], nist: ['SC-7'] },
    targets: ['tf:google_container_cluster'],
    fix: 'none',
    messages: {
      notEnforced: "GKE cluster '{{address}}' uses the legacy datapath without `network_policy.enabled`: NetworkPolicies are not enforced{{shipped}}.",
      disabled: "GKE cluster '{{address}}' sets `network_policy.enabled = false` on the legacy datapath: NetworkPolicies are not enforced{{shipped}}.",
      addonDisabled:
        "GKE cluster '{{address}}' enables `network_policy` but sets `addons_config.network_policy_config.disabled = true`: without the addon the nodes do not enforce NetworkPolicies{{shipped}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_container_cluster" "serving" {
  name               = "serving"
  location           = "europe-west4"
  initial_node_count = 1
}
`,
      good: `resource "google_container_cluster" "serving" {
  name               = "serving"
  location           = "europe-west4"
  initial_node_count = 1
  datapath_provider  = "ADVANCED_DATAPATH"
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_container_cluster') return;
        const found = clusterEnforcement(resource, context.terraform);
        if (found?.state !== 'not-enforced') return;
        const policies = context.model.byType('k8s:NetworkPolicy').filter((policy) => policy.group === 'networking.k8s.io').length;
        const shipped = policies > 0 ? `, and the scan holds ${policies} NetworkPolicies that it silently ignores` : '';
        const messageId = found.reason === 'gke-addon-disabled' ? 'addonDisabled' : found.reason === 'gke-policy-disabled' ? 'disabled' : 'notEnforced';
        context.report({ messageId, data: { address: resource.address, shipped }, at: found.at, severity: policies > 0 ? 'high' : 'medium' });
      },
    };
  },
});
