import { defineRule } from '../define-rule.js';

export const vectorSearchEndpointPublic = defineRule({
  meta: {
    id: 'IG-GCP-003',
    name: 'vector-search-endpoint-public',
    title: 'Vector Search index endpoint public',
    severity: 'medium',
    rationale:
      'With `public_endpoint_enabled = true` the indexes deployed to a Vertex AI Vector Search endpoint are queried over a public domain name, reachable from the internet with only IAM in front. The embeddings of a retrieval-augmented (RAG) application can be inverted back into much of the source text they were computed from, and nearest-neighbour queries enumerate what the index holds: a leaked credential exposes the knowledge base itself.',
    remediation:
      'Drop `public_endpoint_enabled` and serve the index privately: `private_service_connect_config { enable_private_service_connect = true, project_allowlist = [...] }`, or VPC peering with `network`. Encrypt the index endpoint with a customer-managed key (`encryption_spec`).',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_index_endpoint#public_endpoint_enabled-1',
      'https://cloud.google.com/vertex-ai/docs/vector-search/deploy-index-public',
    ],
    mappings: { stride: ['I'], atlas: ['AML.T0036', 'AML.T0024'], owasp: ['LLM08'], nist: ['SC-7'] },
    targets: ['tf:google_vertex_ai_index_endpoint'],
    fix: 'none',
    messages: {
      publicEndpoint: "Vector Search index endpoint '{{address}}' sets `public_endpoint_enabled = true`: its indexes are queried from the internet with only IAM in front.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_vertex_ai_index_endpoint" "rag" {
  display_name            = "rag"
  region                  = "europe-west4"
  public_endpoint_enabled = true
}
`,
      good: `resource "google_vertex_ai_index_endpoint" "rag" {
  display_name = "rag"
  region       = "europe-west4"
  private_service_connect_config {
    enable_private_service_connect = true
    project_allowlist              = ["serving-prod"]
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:google_vertex_ai_index_endpoint' || resource.mode !== 'managed') return;
        const enabled = resource.root.get('public_endpoint_enabled');
        if (enabled.isTrue()) context.report({ messageId: 'publicEndpoint', data: { address: resource.address }, at: enabled });
      },
    };
  },
});
