import { iamGrants } from '../../model/gcp/iam.js';
import { sameServiceAccount, serviceAccountOf, servingServiceAccounts } from '../../model/gcp/identity.js';
import { defineRule } from '../define-rule.js';

const BROAD_ROLES = new Set(['roles/owner', 'roles/editor', 'roles/storage.admin', 'roles/aiplatform.admin', 'roles/iam.serviceAccountUser']);

export const servingSaBasicRole = defineRule({
  meta: {
    id: 'IG-GCP-011',
    name: 'serving-sa-basic-role',
    title: 'Serving service account with a basic or admin role',
    severity: 'high',
    rationale:
      'A model server should only read its own artifacts and write its logs. When the Google service account it acts as (through GKE Workload Identity) holds Owner, Editor, Storage Admin, Vertex AI Admin or Service Account User on a project, folder or organisation, whoever gets code execution in the server — a pickled model, a prompt-injected tool call, a server CVE — can replace every model in the project, read every bucket, redeploy endpoints or act as other service accounts.',
    remediation:
      'Remove the project-level grant; give the serving service account `roles/storage.objectViewer` on its own model bucket (or prefix) with `google_storage_bucket_iam_member`, plus `roles/logging.logWriter` / `roles/monitoring.metricWriter`, and nothing else. Use one service account per model.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam',
      'https://cloud.google.com/iam/docs/understanding-roles#basic',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
    ],
    mappings: { stride: ['E'], nist: ['AC-6'] },
    targets: ['tf:google_project_iam_member', 'tf:google_project_iam_binding', 'tf:google_project_iam_policy', 'tf:google_folder_iam_member', 'tf:google_organization_iam_member', 'k8s:ServiceAccount'],
    fix: 'none',
    messages: {
      broadRole: "'{{address}}' grants {{role}} on the {{scope}} to service account {{account}}, which the model server's Kubernetes service account {{ksa}} acts as.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_service_account" "churn" {
  account_id = "churn-serving"
  project    = "acme-ml"
}

resource "google_project_iam_member" "churn" {
  project = "acme-ml"
  role    = "roles/editor"
  member  = "serviceAccount:\${google_service_account.churn.email}"
}

resource "google_service_account_iam_member" "churn_wi" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/churn]"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec = { predictor = { serviceAccountName = "churn", model = { modelFormat = { name = "sklearn" }, storageUri = "gs://acme-models/churn/v3" } } }
  }
}
`,
      good: `resource "google_service_account" "churn" {
  account_id = "churn-serving"
  project    = "acme-ml"
}

resource "google_storage_bucket_iam_member" "churn" {
  bucket = "acme-models"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:\${google_service_account.churn.email}"
}

resource "google_service_account_iam_member" "churn_wi" {
  service_account_id = google_service_account.churn.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/churn]"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec = { predictor = { serviceAccountName = "churn", model = { modelFormat = { name = "sklearn" }, storageUri = "gs://acme-models/churn/v3" } } }
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const grants = iamGrants(context.terraform);
        const serving = servingServiceAccounts(grants, context.terraform, context.model);
        if (serving.length === 0) return;
        for (const grant of grants) {
          if (grant.scope === 'bucket' || grant.scope === 'service_account' || grant.role === undefined || !BROAD_ROLES.has(grant.role)) continue;
          const account = serviceAccountOf(grant.memberAt, context.terraform);
          if (account === undefined) continue;
          const match = serving.find((candidate) => sameServiceAccount(candidate.account, account));
          if (match === undefined) continue;
          context.report({
            messageId: 'broadRole',
            data: { address: grant.resource.address, role: grant.role, scope: grant.scope, account: account.label, ksa: match.ksa },
            at: grant.roleAt,
            object: grant.resource,
            related: [{ at: match.evidence, message: `the model server's identity (${match.ksa})` }],
          });
        }
      },
    };
  },
});
