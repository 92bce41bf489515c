import { modelBuckets } from '../../model/gcp/buckets.js';
import { defineRule } from '../define-rule.js';

export const modelBucketPublicAccessNotPrevented = defineRule({
  meta: {
    id: 'IG-GCP-008',
    name: 'model-bucket-public-access-not-prevented',
    title: 'Model artifact bucket without uniform access or public-access prevention',
    severity: 'high',
    rationale:
      'The bucket a served model is loaded from decides what the model is. Without `uniform_bucket_level_access = true`, object ACLs work beside IAM: anyone who can write an object can also make it (or a replaced model) readable by `allUsers`, and nobody reviewing IAM sees it. Without `public_access_prevention = "enforced"` (the default is `"inherited"`, which protects only under an organisation policy), one public grant publishes the weights. A poisoned or replaced artifact runs in the serving pod with its credentials the next time the model loads (pickle, TorchServe handlers).',
    remediation:
      'Set `uniform_bucket_level_access = true` and `public_access_prevention = "enforced"` on the bucket; also enable `versioning` (roll back a tampered model) and CMEK (`encryption { default_kms_key_name = … }`).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access-1',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention-1',
      'https://cloud.google.com/storage/docs/public-access-prevention',
      'https://cloud.google.com/storage/docs/uniform-bucket-level-access',
    ],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0035', 'AML.T0010.003'], owasp: ['ML06'], nist: ['AC-3'] },
    targets: ['tf:google_storage_bucket', 'k8s:InferenceService'],
    fix: 'none',
    messages: {
      uniformNotSet: "Bucket '{{address}}' serves the model at {{uri}} but does not set `uniform_bucket_level_access` (default false): object ACLs can publish or replace model files outside IAM.",
      uniformDisabled: "Bucket '{{address}}' serves the model at {{uri}} with `uniform_bucket_level_access = false`: object ACLs can publish or replace model files outside IAM.",
      preventionNotSet: "Bucket '{{address}}' serves the model at {{uri}} without `public_access_prevention = \"enforced\"` (default \"inherited\"): a public grant would expose the model.",
      preventionInherited: "Bucket '{{address}}' serves the model at {{uri}} with `public_access_prevention = \"{{value}}\"`: a public grant would expose the model.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
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
  public_access_prevention    = "enforced"
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
        for (const { bucket, uses } of modelBuckets(context.terraform, context.model)) {
          const first = uses[0];
          if (first === undefined) continue;
          const related = uses.map((uri) => ({ at: uri, message: 'model loaded from this bucket here' }));
          const data = { address: bucket.address, uri: first.str() ?? '' };
          const uniform = bucket.root.get('uniform_bucket_level_access');
          if (!uniform.isWritten() || uniform.isFalse()) {
            context.report({ messageId: uniform.isFalse() ? 'uniformDisabled' : 'uniformNotSet', data, at: uniform.isFalse() ? uniform : bucket, object: bucket, related });
          }
          const prevention = bucket.root.get('public_access_prevention');
          const value = prevention.str();
          if (!prevention.isWritten()) context.report({ messageId: 'preventionNotSet', data, at: bucket, object: bucket, related });
          else if (value !== undefined && value !== 'enforced') context.report({ messageId: 'preventionInherited', data: { ...data, value }, at: prevention, object: bucket, related });
        }
      },
    };
  },
});
