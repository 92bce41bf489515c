import { defineRule } from '../define-rule.js';

export const legacyNotebookPublicIp = defineRule({
  meta: {
    id: 'IG-GCP-005',
    name: 'legacy-notebook-public-ip',
    title: 'Legacy user-managed notebook with public IP',
    severity: 'high',
    rationale:
      'A user-managed notebook (`google_notebooks_instance`, the legacy Vertex AI Workbench) is a VM with its service account\'s credentials, the notebooks and the data they load. Unless `no_public_ip = true` it gets an external IP address: the services on it are one firewall rule away from the internet, and a compromise hands out the service account\'s tokens (by default the Compute Engine default service account).',
    remediation:
      'Set `no_public_ip = true` (and `no_proxy_access` only if IAP / SSH is the access path), or migrate to `google_workbench_instance` with `gce_setup.disable_public_ip = true`.',
    references: ['https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance#no_public_ip-1'],
    mappings: { stride: ['I'], nist: ['SC-7'] },
    targets: ['tf:google_notebooks_instance'],
    fix: 'none',
    messages: {
      notSet: "Notebook instance '{{address}}' does not set `no_public_ip`: the VM gets an external IP address.",
      disabled: "Notebook instance '{{address}}' sets `no_public_ip = false`: the VM gets an external IP address.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_notebooks_instance" "research" {
  name         = "research"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}
`,
      good: `resource "google_notebooks_instance" "research" {
  name         = "research"
  location     = "us-central1-a"
  machine_type = "n1-standard-8"
  no_public_ip = true
  vm_image {
    project      = "deeplearning-platform-release"
    image_family = "pytorch-latest-gpu"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_notebooks_instance' || resource.mode !== 'managed') return;
        const noPublicIp = resource.root.get('no_public_ip');
        if (noPublicIp.isWritten() && !noPublicIp.isFalse()) return;
        context.report({ messageId: noPublicIp.isFalse() ? 'disabled' : 'notSet', data: { address: resource.address }, at: noPublicIp.isFalse() ? noPublicIp : resource });
      },
    };
  },
});
