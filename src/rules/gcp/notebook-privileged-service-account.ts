import { iamGrants } from '../../model/gcp/iam.js';
import { isDefaultComputeServiceAccount, sameServiceAccount, serviceAccountOf } from '../../model/gcp/identity.js';
import type { TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const ADMIN_ROLES = new Set(['roles/owner', 'roles/editor', 'roles/aiplatform.admin', 'roles/storage.admin']);
const DEFAULT_COMPUTE_DATA_SOURCE = /(^|\.)data\.google_compute_default_service_account\.[^.]+$/;

/** The service-account value of a notebook: `service_account`, or `gce_setup[0].service_accounts[0].email`. */
function accountNodeOf(resource: TfResource): Node | undefined {
  if (resource.type === 'tf:google_notebooks_instance') return resource.root.get('service_account');
  if (resource.type === 'tf:google_workbench_instance') return resource.root.get('gce_setup', 0, 'service_accounts', 0, 'email');
  return undefined;
}

function isDefaultCompute(node: Node): boolean {
  if (node.references().some((reference) => DEFAULT_COMPUTE_DATA_SOURCE.test(reference.address))) return true;
  const text = node.str();
  return text !== undefined && isDefaultComputeServiceAccount(text);
}

export const notebookPrivilegedServiceAccount = defineRule({
  meta: {
    id: 'IG-GCP-006',
    name: 'notebook-privileged-service-account',
    title: 'Notebook/Workbench runs as default compute SA or a project-wide admin SA',
    severity: 'high',
    rationale:
      'Everyone who can open a notebook runs code as its VM\'s service account. The Compute Engine default service account commonly holds Editor on the project, and an account with Owner, Editor, Vertex AI Admin or Storage Admin at project level can read and replace every model artifact, redeploy every endpoint and reach every dataset: compromising one notebook (a malicious package, a shared notebook, a leaked proxy URL) compromises the project and its models.',
    remediation:
      'Create a dedicated service account per notebook user or team (`google_service_account`) with only the roles it needs (read access to specific buckets and datasets), set it as `service_account` (legacy notebooks) or `gce_setup { service_accounts { email = … } }` (Workbench), and keep basic and admin roles off it.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance#service_account-1',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#nested_service_accounts',
      'https://cloud.google.com/compute/docs/access/service-accounts#default_service_account',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0012', 'AML.T0055'], nist: ['AC-6'] },
    targets: ['tf:google_notebooks_instance', 'tf:google_workbench_instance', 'tf:google_project_iam_member', 'tf:google_project_iam_binding', 'tf:google_project_iam_policy'],
    fix: 'none',
    messages: {
      defaultNotSet: "Notebook instance '{{address}}' sets no `service_account`: it runs as the Compute Engine default service account.",
      defaultAccount: "'{{address}}' runs as the Compute Engine default service account ({{account}}).",
      adminAccount: "'{{address}}' runs as {{account}}, which '{{grant}}' gives {{role}} on the {{scope}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_notebooks_instance" "research" {
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
      good: `resource "google_notebooks_instance" "research" {
  name            = "research"
  location        = "us-central1-a"
  machine_type    = "n1-standard-8"
  no_public_ip    = true
  service_account = "research-notebook@acme-ml.iam.gserviceaccount.com"
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
      end() {
        const notebooks = [...context.terraform.byType('tf:google_notebooks_instance'), ...context.terraform.byType('tf:google_workbench_instance')].filter((resource) => resource.mode === 'managed');
        if (notebooks.length === 0) return;
        const adminGrants = iamGrants(context.terraform).filter((grant) => grant.scope !== 'bucket' && grant.scope !== 'service_account' && grant.role !== undefined && ADMIN_ROLES.has(grant.role));
        for (const notebook of notebooks) {
          const node = accountNodeOf(notebook);
          if (node === undefined) continue;
          const data = { address: notebook.address };
          // Documented for google_notebooks_instance only; for Workbench an absent email is left alone.
          if (!node.isWritten()) {
            if (notebook.type === 'tf:google_notebooks_instance') context.report({ messageId: 'defaultNotSet', data, at: notebook, object: notebook });
            continue;
          }
          if (isDefaultCompute(node)) {
            context.report({ messageId: 'defaultAccount', data: { ...data, account: node.str() ?? 'data.google_compute_default_service_account' }, at: node, object: notebook });
            continue;
          }
          const account = serviceAccountOf(node, context.terraform);
          if (account === undefined) continue;
          for (const grant of adminGrants) {
            const member = serviceAccountOf(grant.memberAt, context.terraform);
            if (member === undefined || !sameServiceAccount(member, account)) continue;
            context.report({
              messageId: 'adminAccount',
              data: { ...data, account: account.label, grant: grant.resource.address, role: grant.role ?? '', scope: grant.scope },
              at: node,
              object: notebook,
              related: [{ at: grant.roleAt, message: `${grant.role ?? ''} granted here` }],
            });
          }
        }
      },
    };
  },
});
