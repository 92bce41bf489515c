import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

export const gkeEndpointPublic = defineRule({
  meta: {
    id: 'IG-GCP-014',
    name: 'gke-endpoint-public',
    title: 'GKE control plane open to the internet',
    severity: 'medium',
    rationale:
      'Unless the private endpoint is enforced (`private_cluster_config.enable_private_endpoint = true`) or direct IP access is turned off, a GKE control plane has a public IP address; without `master_authorized_networks_config`, or with `0.0.0.0/0` in it, anyone on the internet reaches the Kubernetes API of the cluster that serves the models. Authentication still applies, but every API-server vulnerability, leaked kubeconfig or stolen Google credential is then usable from anywhere, to read model Secrets, replace serving images or exec into GPU pods.',
    remediation:
      'Restrict the public endpoint to the networks that administer the cluster: `master_authorized_networks_config { cidr_blocks { cidr_block = "203.0.113.0/24", display_name = "ci" } }`, or make the endpoint private (`private_cluster_config { enable_private_nodes = true, enable_private_endpoint = true }`), or turn off IP access and use the DNS endpoint (`control_plane_endpoints_config { ip_endpoints_config { enabled = false } }`).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_master_authorized_networks_config',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_private_cluster_config',
      'https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation',
    ],
    mappings: { stride: ['S'], nist: ['SC-7'] },
    targets: ['tf:google_container_cluster'],
    fix: 'none',
    messages: {
      unrestricted: "GKE cluster '{{address}}' has a public control-plane endpoint and no `master_authorized_networks_config`: the Kubernetes API is reachable from the internet.",
      allowsAnywhere: "GKE cluster '{{address}}' authorizes {{cidr}} on its public control-plane endpoint: the Kubernetes API is reachable from the internet.",
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
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "admin"
    }
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_container_cluster' || resource.mode !== 'managed') return;
        const root = resource.root;
        const privateEndpoint = root.get('private_cluster_config', 0, 'enable_private_endpoint');
        if (root.get('private_cluster_config').state === 'unknown' || privateEndpoint.state === 'unknown' || privateEndpoint.isTrue()) return;
        const ipEndpoints = root.get('control_plane_endpoints_config', 0, 'ip_endpoints_config', 0, 'enabled');
        if (ipEndpoints.state === 'unknown' || ipEndpoints.isFalse()) return;
        const authorized = root.get('master_authorized_networks_config');
        const data = { address: resource.address };
        if (!authorized.isWritten()) {
          context.report({ messageId: 'unrestricted', data, at: resource });
          return;
        }
        // Without cidr_blocks only Google's own ranges and the nodes may connect: restricted.
        const open: Node[] = [];
        for (const config of authorized.items()) {
          for (const block of config.get('cidr_blocks').items()) {
            const cidr = block.get('cidr_block');
            if (ANYWHERE.has(cidr.str() ?? '')) open.push(cidr);
          }
        }
        for (const cidr of open) context.report({ messageId: 'allowsAnywhere', data: { ...data, cidr: cidr.str() ?? '' }, at: cidr });
      },
    };
  },
});
