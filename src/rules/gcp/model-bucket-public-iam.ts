import { modelBuckets } from '../../model/gcp/buckets.js';
import { iamGrants, targetsOf } from '../../model/gcp/iam.js';
import { defineRule } from '../define-rule.js';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

export const modelBucketPublicIam = defineRule({
  meta: {
    id: 'IG-GCP-009',
    name: 'model-bucket-public-iam',
    title: 'Model artifact bucket readable or writable by allUsers/allAuthenticatedUsers',
    severity: 'critical',
    rationale:
      'A grant to `allUsers` (anyone on the internet) or `allAuthenticatedUsers` (anyone with any Google account) on the bucket a served model is loaded from publishes the weights — the model itself, and whatever it memorised of its training data — or, with a write role, lets anyone replace them: the poisoned artifact runs in the serving pod the next time the model loads.',
    remediation:
      'Remove the grant and give named principals only (the serving service account `roles/storage.objectViewer`, the training pipeline a writer role on its prefix); set `public_access_prevention = "enforced"` on the bucket so no such grant can be made again.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_iam',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/data-sources/iam_policy',
      'https://cloud.google.com/storage/docs/access-control/making-data-public',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0035', 'AML.T0010.003'], owasp: ['ML05', 'ML06'], nist: ['AC-3'] },
    targets: ['tf:google_storage_bucket_iam_member', 'tf:google_storage_bucket_iam_binding', 'tf:google_storage_bucket_iam_policy', 'tf:data.google_iam_policy'],
    fix: 'none',
    messages: {
      publicGrant: "'{{address}}' grants {{role}} to {{member}} on bucket '{{bucket}}', which serves the model at {{uri}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_storage_bucket" "models" {
  name                        = "acme-models"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "demo" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec = { predictor = { model = { modelFormat = { name = "sklearn" }, storageUri = "gs://acme-models/churn/v3" } } }
  }
}
`,
      good: `resource "google_storage_bucket" "models" {
  name                        = "acme-models"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "serving" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:churn@acme.iam.gserviceaccount.com"
}

resource "kubernetes_manifest" "churn" {
  manifest = {
    apiVersion = "serving.kserve.io/v1beta1"
    kind       = "InferenceService"
    metadata   = { name = "churn", namespace = "models" }
    spec = { predictor = { model = { modelFormat = { name = "sklearn" }, storageUri = "gs://acme-models/churn/v3" } } }
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const linked = new Map(modelBuckets(context.terraform, context.model).map((link) => [link.bucket, link.uses]));
        if (linked.size === 0) return;
        for (const grant of iamGrants(context.terraform)) {
          if (grant.scope !== 'bucket' || grant.member === undefined || !PUBLIC.has(grant.member)) continue;
          for (const bucket of targetsOf(grant.target, 'tf:google_storage_bucket', context.terraform, ['name'])) {
            const uses = linked.get(bucket);
            if (!uses || uses.length === 0) continue;
            context.report({
              messageId: 'publicGrant',
              data: { address: grant.resource.address, role: grant.role ?? '(a role known at apply)', member: grant.member, bucket: bucket.address, uri: uses[0]?.str() ?? '' },
              at: grant.memberAt,
              object: grant.resource,
              related: [{ at: bucket, message: 'the model bucket' }, ...uses.map((uri) => ({ at: uri, message: 'model loaded from this bucket here' }))],
            });
          }
        }
      },
    };
  },
});
