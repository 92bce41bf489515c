import { defineRule } from '../define-rule.js';

const STORES: Readonly<Record<string, string>> = {
  'tf:google_vertex_ai_featurestore': 'Featurestore',
  'tf:google_vertex_ai_dataset': 'Dataset',
  'tf:google_vertex_ai_metadata_store': 'Metadata store',
};

export const vertexDataStoreWithoutCmek = defineRule({
  meta: {
    id: 'IG-GCP-007',
    name: 'vertex-data-store-without-cmek',
    title: 'Vertex data stores without CMEK',
    severity: 'medium',
    rationale:
      'Vertex AI datasets hold training data, featurestores the features models are trained and served on, metadata stores the lineage of every model (which data, which run, which artifact). Without `encryption_spec` they are encrypted with Google-managed keys only: access cannot be cut by disabling a key, key use is not in your audit logs, and policies requiring customer-managed keys for training data are not met.',
    remediation:
      'Set `encryption_spec { kms_key_name = google_kms_crypto_key.vertex.id }` (a key in the same region) and grant the Vertex AI service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. The setting is immutable: the store is replaced.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_dataset#encryption_spec-1',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_featurestore#encryption_spec-1',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_metadata_store#encryption_spec-1',
      'https://cloud.google.com/vertex-ai/docs/general/cmek',
    ],
    mappings: { stride: ['I'], nist: ['SC-28'] },
    targets: Object.keys(STORES),
    fix: 'none',
    messages: {
      notSet: "{{kind}} '{{address}}' has no `encryption_spec`: its data is encrypted with Google-managed keys only.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_vertex_ai_dataset" "claims" {
  display_name        = "claims"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml"
  region              = "europe-west4"
}
`,
      good: `resource "google_vertex_ai_dataset" "claims" {
  display_name        = "claims"
  metadata_schema_uri = "gs://google-cloud-aiplatform/schema/dataset/metadata/tabular_1.0.0.yaml"
  region              = "europe-west4"
  encryption_spec {
    kms_key_name = "projects/ml/locations/europe-west4/keyRings/ml/cryptoKeys/datasets"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        const kind = STORES[resource.type];
        if (kind === undefined || resource.mode !== 'managed') return;
        if (resource.root.get('encryption_spec').isWritten()) return;
        context.report({ messageId: 'notSet', data: { kind, address: resource.address }, at: resource });
      },
    };
  },
});
