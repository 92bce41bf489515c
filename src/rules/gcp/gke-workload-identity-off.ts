import { mayBeAutopilot } from '../../model/gcp/gke.js';
import { defineRule } from '../define-rule.js';

export const gkeWorkloadIdentityOff = defineRule({
  meta: {
    id: 'IG-GCP-013',
    name: 'gke-workload-identity-off',
    title: 'GKE Workload Identity disabled',
    severity: 'high',
    rationale:
      'Without `workload_identity_config` a Standard GKE cluster gives pods no identity of their own: every pod on a node calls Google APIs as the node\'s service account (often the Compute Engine default account, with Editor on the project), read from the metadata server. A model server that runs untrusted model code, or any compromised pod next to it, then gets every permission of the node — every model bucket, every secret the node account can read — and nothing can scope a model to its own artifacts.',
    remediation:
      'Enable Workload Identity Federation: `workload_identity_config { workload_pool = "${var.project_id}.svc.id.goog" }`, set `node_config { workload_metadata_config { mode = "GKE_METADATA" } }` on the node pools, and bind each model\'s Kubernetes ServiceAccount to its own narrowly-scoped Google service account.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_identity_config-1',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
    ],
    mappings: { stride: ['E', 'S'], nist: ['AC-6'] },
    targets: ['tf:google_container_cluster'],
    fix: 'none',
    messages: {
      notSet: "GKE cluster '{{address}}' has no `workload_identity_config`: pods act as the node's service account.",
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
  workload_identity_config {
    workload_pool = "serving-prod.svc.id.goog"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_container_cluster' || resource.mode !== 'managed' || mayBeAutopilot(resource)) return;
        if (resource.root.get('workload_identity_config').isWritten()) return;
        context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
