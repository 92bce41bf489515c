import { defineRule } from '../define-rule.js';

export const workbenchPublicIp = defineRule({
  meta: {
    id: 'IG-GCP-004',
    name: 'workbench-public-ip',
    title: 'Vertex AI Workbench instance with a public IP',
    severity: 'high',
    rationale:
      'A Workbench instance is a VM that holds the credentials of its service account (usually allowed to read training data, model buckets and Vertex AI), notebooks with secrets in their outputs, and often GPUs. Unless `gce_setup.disable_public_ip = true` it gets an external IP address: every service listening on it (SSH, Jupyter extensions, anything a notebook starts) is one firewall rule away from the internet, and a compromised VM hands out its service-account tokens to anyone.',
    remediation:
      'Set `gce_setup { disable_public_ip = true }` and reach the instance through the Workbench proxy or IAP; give the subnet Private Google Access or Cloud NAT for package downloads.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#disable_public_ip-1',
      'https://cloud.google.com/sdk/gcloud/reference/workbench/instances/create',
    ],
    mappings: { stride: ['I', 'E'], atlas: ['AML.T0049', 'AML.T0055'], nist: ['SC-7'] },
    targets: ['tf:google_workbench_instance'],
    fix: 'none',
    messages: {
      notSet: "Workbench instance '{{address}}' does not set `gce_setup.disable_public_ip`: the VM gets an external IP address.",
      disabled: "Workbench instance '{{address}}' sets `disable_public_ip = false`: the VM gets an external IP address.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_workbench_instance" "research" {
  name     = "research"
  location = "europe-west4-a"
  gce_setup {
    machine_type = "n1-standard-8"
  }
}
`,
      good: `resource "google_workbench_instance" "research" {
  name     = "research"
  location = "europe-west4-a"
  gce_setup {
    machine_type      = "n1-standard-8"
    disable_public_ip = true
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_workbench_instance' || resource.mode !== 'managed') return;
        const gceSetup = resource.root.get('gce_setup');
        const disable = gceSetup.get(0, 'disable_public_ip');
        if (disable.isWritten() && !disable.isFalse()) return;
        // An absent value resolves to the gce_setup block, or to the resource when there is none.
        context.report({ messageId: disable.isFalse() ? 'disabled' : 'notSet', data: { address: resource.address }, at: disable });
      },
    };
  },
});
