import { deploymentMode, KSERVE_GROUP } from '../../model/adapt/crds/kserve.js';
import { authOnPath } from '../../model/auth-front.js';
import { inferenceServiceMode, operatorRouteOf } from '../../model/port-exposure.js';
import { defineRule } from '../define-rule.js';

/** Knative's label (Serverless) and KServe's (RawDeployment): `constants.VisibilityLabel`, `constants.NetworkVisibility`. */
const KNATIVE_VISIBILITY = 'networking.knative.dev/visibility';
const KSERVE_VISIBILITY = 'networking.kserve.io/visibility';
/** OpenShift AI / ODH: `exposed` creates a Route and `security.opendatahub.io/enable-auth` guards it (IG-ML-061). */
const ODH_EXPOSED = 'exposed';
const ODH_AUTH = 'security.opendatahub.io/enable-auth';

// An InferenceService without `serving.kserve.io/deploymentMode` runs in the scanned
// `inferenceservice-config`'s default mode, else KServe's shipped default, Serverless: verified in KServe's
// config/configmap/inferenceservice.yaml and Helm chart values (`"defaultDeploymentMode": "Serverless"`, still
// so in the 0.16 chart that renames the modes Knative / Standard). A `networking.kserve.io/visibility:
// cluster-local` label on such an InferenceService is read as its author's statement that the cluster runs
// RawDeployment. port-exposure (`isvcExternal`, `inferenceServiceMode`) holds this one behaviour for both.

type Mode = 'serverless' | 'raw' | 'modelmesh' | 'other';

function modeOf(text: string | undefined): Mode {
  if (text === 'Serverless' || text === 'Knative') return 'serverless';
  if (text === 'RawDeployment' || text === 'Standard') return 'raw';
  if (text === 'ModelMesh') return 'modelmesh';
  return 'other';
}

export const kserveInferenceServicePublished = defineRule({
  meta: {
    id: 'IG-ML-060',
    name: 'kserve-inference-service-published',
    title: 'KServe InferenceService published externally by default',
    severity: 'high',
    rationale:
      "KServe publishes every InferenceService on the cluster's ingress unless told otherwise: in Serverless mode Knative puts its route on the external ingress gateway, and in RawDeployment mode KServe creates an Ingress (or a Gateway API HTTPRoute) on the ingress domain. KServe itself authenticates nobody, so the model answers anyone who can reach that gateway: inference at your cost, model extraction through repeated queries, prompt injection and data exfiltration for LLMs, and the V2 protocol's metadata and (when the runtime allows it) model-repository endpoints. The marking that keeps a model in the cluster differs by mode, which makes it easy to set the wrong one.",
    remediation:
      "For a model only other services call, mark it cluster-local: label `networking.knative.dev/visibility: cluster-local` in Serverless mode, `networking.kserve.io/visibility: cluster-local` in RawDeployment mode (or set `disableIngressCreation: true` / `ingressDomain: svc.cluster.local` in the `ingress` section of `inferenceservice-config`). For a model that must be published, put authentication in front of it: an Istio `RequestAuthentication` with an `AuthorizationPolicy` requiring a request principal on the pods labelled `serving.kserve.io/inferenceservice: <name>` (or on the ingress gateway), or an authenticating gateway (Authorino, oauth2-proxy).",
    references: [
      'https://knative.dev/docs/serving/services/private-services/',
      'https://kserve.github.io/website/docs/admin-guide/configurations',
      'https://github.com/kserve/kserve/blob/master/config/configmap/inferenceservice.yaml',
      'https://github.com/kserve/kserve/blob/master/pkg/constants/constants.go',
      'https://istio.io/latest/docs/reference/config/security/authorization-policy/',
      'https://istio.io/latest/docs/reference/config/security/request_authentication/',
    ],
    mappings: { stride: ['S', 'I'], atlas: ['AML.T0040', 'AML.T0024'], owasp: ['ML05'], nist: ['SC-7', 'AC-3'] },
    targets: ['k8s:InferenceService'],
    fix: 'none',
    messages: {
      serverlessPublished:
        "InferenceService '{{name}}' runs in Serverless mode without the label `networking.knative.dev/visibility: cluster-local`: Knative publishes it on the external ingress gateway, and no authentication is recognised in front of it (an Istio AuthorizationPolicy on its pods or on the ingress gateway; a RequestAuthentication alone lets requests without a token through).",
      defaultModePublished:
        "InferenceService '{{name}}' sets no `serving.kserve.io/deploymentMode`, so it runs in the cluster's default mode: KServe ships Serverless as the default (`inferenceservice-config` in the scan would say otherwise); without a `cluster-local` visibility label Knative publishes it on the external ingress gateway, and no authentication is recognised in front of it (an Istio AuthorizationPolicy on its pods or on the ingress gateway; a RequestAuthentication alone lets requests without a token through).",
      rawPublished:
        "InferenceService '{{name}}' runs as RawDeployment {{visibility}}: KServe creates an Ingress (or HTTPRoute) for it on the ingress domain, and no authentication is recognised in front of it (an Istio AuthorizationPolicy on its pods or on the ingress gateway; a RequestAuthentication alone lets requests without a token through).",
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: sklearn-iris
  namespace: models
  annotations:
    serving.kserve.io/deploymentMode: Serverless
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`,
      good: `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: sklearn-iris
  namespace: models
  labels:
    networking.knative.dev/visibility: cluster-local
  annotations:
    serving.kserve.io/deploymentMode: Serverless
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceService') return;
        const labels = object.root.get('metadata', 'labels');
        const knative = labels.get(KNATIVE_VISIBILITY);
        const kserve = labels.get(KSERVE_VISIBILITY);
        // OpenShift AI / ODH: an `exposed` Route and its auth annotation are IG-ML-061's.
        if (kserve.str() === ODH_EXPOSED || object.root.get('metadata', 'annotations', ODH_AUTH).str()?.toLowerCase() === 'true') return;
        // Whether KServe / Knative route it from outside (mode, visibility labels, inferenceservice-config,
        // Knative's config-domain) is port-exposure's; what guards that route is auth-front's.
        const predictor = context.model.workloads.find((workload) => workload.object === object && workload.role === 'predictor');
        const route = predictor && operatorRouteOf(context.model, predictor);
        if (!predictor || !route || authOnPath(context.model, predictor, route)) return;
        const annotation = deploymentMode(object);
        const mode = inferenceServiceMode(context.model, object);
        if (!mode) return;
        const name = object.name ?? '(unnamed)';
        if (modeOf(mode.mode) === 'raw') {
          const visibility = kserve.exists ? `with \`${KSERVE_VISIBILITY}: ${kserve.str() ?? ''}\`` : `without the label \`${KSERVE_VISIBILITY}: cluster-local\``;
          context.report({ messageId: 'rawPublished', data: { name, visibility }, at: kserve.exists ? kserve : annotation.exists ? annotation : kserve });
          return;
        }
        // Serverless, written or KServe's default. At the label that would fix it (or its parent `labels:` / `metadata:` when absent), or at the Serverless annotation.
        context.report({ messageId: mode.defaulted ? 'defaultModePublished' : 'serverlessPublished', data: { name }, at: knative.exists || mode.defaulted ? knative : annotation });
      },
    };
  },
});
