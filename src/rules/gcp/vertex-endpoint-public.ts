import type { TfResource } from '../../model/terraform.js';
import { defineRule } from '../define-rule.js';

export const vertexEndpointPublic = defineRule({
  meta: {
    id: 'IG-GCP-001',
    name: 'vertex-endpoint-public',
    title: 'Vertex AI endpoint served on the public shared endpoint',
    severity: 'medium',
    rationale:
      'A Vertex AI endpoint that is neither peered to a VPC (`network`) nor exposed through Private Service Connect is served on the public `{region}-aiplatform.googleapis.com` API (or, with `dedicated_endpoint_enabled`, on its own public DNS name). Only IAM stands between the internet and the model: a leaked key or token of any principal with `aiplatform.endpoints.predict` queries the model from anywhere — extracting it through its answers, sending prompts that exfiltrate what it was trained or grounded on — and VPC Service Controls cannot fence a dedicated public endpoint.',
    remediation:
      'Serve the endpoint privately: enable Private Service Connect with a tight allowlist (`private_service_connect_config { enable_private_service_connect = true, project_allowlist = ["my-serving-project"] }`), or peer it to a VPC with `network = "projects/<number>/global/networks/<name>"`. Put the project in a VPC Service Controls perimeter.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_endpoint',
      'https://cloud.google.com/vertex-ai/docs/predictions/choose-endpoint-type',
      'https://cloud.google.com/vertex-ai/docs/predictions/private-service-connect',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_endpoint_with_model_garden_deployment',
    ],
    mappings: { stride: ['I', 'S'], atlas: ['AML.T0040', 'AML.T0024'], owasp: ['ML05'], nist: ['SC-7'] },
    targets: ['tf:google_vertex_ai_endpoint', 'tf:google_vertex_ai_endpoint_with_model_garden_deployment'],
    fix: 'none',
    messages: {
      shared: "Vertex AI endpoint '{{address}}' sets neither `network` nor Private Service Connect: it is served on the public shared endpoint, reachable from the internet with only IAM in front.",
      dedicated: "Vertex AI endpoint '{{address}}' is a dedicated public endpoint (`dedicated_endpoint_enabled = true`) without `network` or Private Service Connect: it is reachable from the internet with only IAM in front.",
      pscDisabled: "Vertex AI endpoint '{{address}}' sets `enable_private_service_connect = false` and no `network`: it is served on the public endpoint, reachable from the internet with only IAM in front.",
      modelGarden:
        "Model Garden deployment '{{address}}' ({{model}}) creates its endpoint without Private Service Connect (`endpoint_config.private_service_connect_config`): the model is served on a public endpoint, reachable from the internet with only IAM in front.",
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
        if (resource.type === 'tf:google_vertex_ai_endpoint_with_model_garden_deployment' && resource.mode === 'managed') return checkModelGarden(resource, context.report.bind(context));
        if (resource.type !== 'tf:google_vertex_ai_endpoint' || resource.mode !== 'managed') return;
        const network = resource.root.get('network');
        // Peered to a VPC, or decided by a value the scan cannot see.
        if (network.isWritten() && network.str() !== '') return;
        const pscBlock = resource.root.get('private_service_connect_config');
        const psc = pscBlock.get(0, 'enable_private_service_connect');
        if (pscBlock.isWritten() && !psc.isFalse()) return;
        const data = { address: resource.address };
        if (psc.isFalse()) return context.report({ messageId: 'pscDisabled', data, at: psc });
        const dedicated = resource.root.get('dedicated_endpoint_enabled');
        if (dedicated.isTrue()) return context.report({ messageId: 'dedicated', data, at: dedicated });
        context.report({ messageId: 'shared', data, at: resource });
      },
    };
  },
});

type Reporter = Parameters<typeof vertexEndpointPublic.create>[0]['report'];

/**
 * `google_vertex_ai_endpoint_with_model_garden_deployment` creates the endpoint itself: it has no `network`
 * argument, so only `endpoint_config.private_service_connect_config` keeps it off the public API.
 */
function checkModelGarden(resource: TfResource, report: Reporter): void {
  const psc = resource.root.get('endpoint_config', 0, 'private_service_connect_config', 0, 'enable_private_service_connect');
  if (psc.isTrue() || psc.state === 'unknown' || resource.root.get('endpoint_config').state === 'unknown') return;
  const model = resource.root.get('publisher_model_name').str() ?? resource.root.get('hugging_face_model_id').str() ?? 'model not readable here';
  report({ messageId: 'modelGarden', data: { address: resource.address, model }, at: psc.isFalse() ? psc : resource });
}
