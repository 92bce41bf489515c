import { KSERVE_GROUP } from '../../model/adapt/crds/kserve.js';
import { defineRule } from '../define-rule.js';

// OpenShift AI / Open Data Hub (kserve midstream, pkg/constants: ODHRouteEnabled, ODHKserveRawAuth):
// `networking.kserve.io/visibility: exposed` makes odh-model-controller create an OpenShift Route, and
// only `security.opendatahub.io/enable-auth: "true"` (compared case-insensitively) puts the token check in front.
const VISIBILITY = 'networking.kserve.io/visibility';
const EXPOSED = 'exposed';
const ENABLE_AUTH = 'security.opendatahub.io/enable-auth';

export const odhModelRouteWithoutAuth = defineRule({
  meta: {
    id: 'IG-ML-061',
    name: 'odh-model-route-without-auth',
    title: 'OpenShift AI / ODH model route exposed without token auth',
    severity: 'high',
    rationale:
      "On OpenShift AI and Open Data Hub, the label `networking.kserve.io/visibility: exposed` makes the platform create an OpenShift Route for the model: a public URL on the cluster's router. Whether that URL asks for a token is a separate switch, the annotation `security.opendatahub.io/enable-auth: \"true\"`; without it the Route forwards anonymous requests straight to the model server. Anyone who finds the hostname (certificate transparency logs, the predictable `<name>-<namespace>.apps.<cluster>` pattern) can query the model, extract it through repeated queries, run up GPU cost, or — for LLMs — inject prompts and read what the model reveals.",
    remediation:
      "Add the annotation `security.opendatahub.io/enable-auth: \"true\"` (\"Require token authentication\" in the dashboard) and give callers a ServiceAccount token with `get` on the InferenceService. If the model does not need to be reached from outside the cluster, remove the `exposed` label instead.",
    references: [
      'https://docs.redhat.com/en/documentation/red_hat_openshift_ai_self-managed/2.17/html/serving_models/making-inference-requests-to-models-deployed-on-single-model-serving-platform_serving-large-models',
      'https://github.com/opendatahub-io/kserve/blob/master/pkg/constants/constants.go',
    ],
    mappings: { stride: ['S'], atlas: ['AML.T0040', 'AML.T0034'], owasp: ['LLM10'], nist: ['IA-9', 'AC-3'] },
    targets: ['k8s:InferenceService'],
    fix: 'none',
    messages: {
      authMissing: "{{kind}} '{{name}}' is `exposed` through an OpenShift Route without `security.opendatahub.io/enable-auth: \"true\"`: the Route forwards anonymous requests to the model.",
      authDisabled: "{{kind}} '{{name}}' is `exposed` through an OpenShift Route and sets `security.opendatahub.io/enable-auth: \"{{value}}\"`: the Route forwards anonymous requests to the model.",
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: granite
  namespace: models
  labels:
    networking.kserve.io/visibility: exposed
  annotations:
    serving.kserve.io/deploymentMode: RawDeployment
spec:
  predictor:
    model:
      modelFormat: { name: vLLM }
      runtime: vllm-cuda-runtime
      storageUri: oci://quay.io/redhat-ai-services/modelcar-catalog@sha256:3b5e1b6e2a4c8d9f0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef
`,
      good: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: granite
  namespace: models
  labels:
    networking.kserve.io/visibility: exposed
  annotations:
    serving.kserve.io/deploymentMode: RawDeployment
    security.opendatahub.io/enable-auth: "true"
spec:
  predictor:
    model:
      modelFormat: { name: vLLM }
      runtime: vllm-cuda-runtime
      storageUri: oci://quay.io/redhat-ai-services/modelcar-catalog@sha256:3b5e1b6e2a4c8d9f0a1b2c3d4e5f60718293a4b5c6d7e8f90123456789abcdef
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceService') return;
        const visibility = object.root.get('metadata', 'labels', VISIBILITY);
        if (visibility.str() !== EXPOSED) return;
        const auth = object.root.get('metadata', 'annotations', ENABLE_AUTH);
        const value = typeof auth.value === 'boolean' ? String(auth.value) : auth.str();
        if (auth.isWritten() && value === undefined) return; // cannot be read
        if (value?.toLowerCase() === 'true') return;
        const data = { kind: object.kind, name: object.name ?? '(unnamed)' };
        if (value !== undefined) context.report({ messageId: 'authDisabled', data: { ...data, value }, at: auth });
        else context.report({ messageId: 'authMissing', data, at: visibility });
      },
    };
  },
});
