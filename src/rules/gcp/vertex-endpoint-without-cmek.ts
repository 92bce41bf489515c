import { defineRule } from '../define-rule.js';

export const vertexEndpointWithoutCmek = defineRule({
  meta: {
    id: 'IG-GCP-002',
    name: 'vertex-endpoint-without-cmek',
    title: 'Vertex AI endpoint without CMEK',
    severity: 'medium',
    rationale:
      'Without `encryption_spec` the endpoint and everything under it (deployed models, their caches and prediction artifacts) are encrypted with Google-managed keys: nobody in the organisation can revoke access to the served model and its data by disabling a key, rotation and access to the key are not in your audit logs, and policies that require customer-managed keys for model weights are not met.',
    remediation:
      'Set `encryption_spec { kms_key_name = google_kms_crypto_key.vertex.id }` with a key in the same region as the endpoint, and grant the Vertex AI service agent (`service-<project-number>@gcp-sa-aiplatform.iam.gserviceaccount.com`) `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. The setting is immutable: the endpoint is replaced.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_endpoint#encryption_spec-1',
      'https://cloud.google.com/vertex-ai/docs/general/cmek',
    ],
    mappings: { stride: ['I'], nist: ['SC-28', 'SC-12'] },
    targets: ['tf:google_vertex_ai_endpoint'],
    fix: 'none',
    messages: {
      notSet: "Vertex AI endpoint '{{address}}' has no `encryption_spec`: its deployed models are encrypted with Google-managed keys only.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_vertex_ai_endpoint" "llm" {
  name         = "4201"
  display_name = "llm"
  location     = "europe-west4"
}
`,
      good: `resource "google_vertex_ai_endpoint" "llm" {
  name         = "4201"
  display_name = "llm"
  location     = "europe-west4"
  encryption_spec {
    kms_key_name = "projects/serving/locations/europe-west4/keyRings/ml/cryptoKeys/endpoints"
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_vertex_ai_endpoint' || resource.mode !== 'managed') return;
        // A block written (even with a value known only at apply, or through a dynamic block of unknown size) is no evidence.
        if (resource.root.get('encryption_spec').isWritten()) return;
        context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
      },
    };
  },
});
