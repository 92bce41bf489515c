import {
  deploymentMode,
  inferenceServicePodLabels,
  KSERVE_GROUP,
  kserveClusterConfig,
} from '../../model/adapt/crds/kserve.js';
import type { KserveClusterConfig } from '../../model/adapt/crds/kserve.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { labelSelectorMatches } from '../../model/selectors.js';
import type { Labels } from '../../model/selectors.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** Knative's label (Serverless) and KServe's (RawDeployment): `constants.VisibilityLabel`, `constants.NetworkVisibility`. */
const KNATIVE_VISIBILITY = 'networking.knative.dev/visibility';
const KSERVE_VISIBILITY = 'networking.kserve.io/visibility';
const CLUSTER_LOCAL = 'cluster-local';
/** OpenShift AI / ODH: `exposed` creates a Route and `security.opendatahub.io/enable-auth` guards it (IG-ML-061). */
const ODH_EXPOSED = 'exposed';
const ODH_AUTH = 'security.opendatahub.io/enable-auth';
/** Istio's root namespace by default: a policy there without a selector applies to the whole mesh. */
const ISTIO_ROOT = 'istio-system';
const ISTIO_GROUP = 'security.istio.io';

/**
 * An Istio AuthorizationPolicy (not AUDIT) or RequestAuthentication that applies to the
 * InferenceService's predictor pods: in its namespace with no selector or a selector matching them,
 * or in the root namespace applying to the whole mesh or to an ingress gateway.
 */
function istioAuthFor(model: KubernetesModel, isvc: K8sObject, labels: Labels): K8sObject | undefined {
  return model.objects.find((policy) => {
    if (policy.group !== ISTIO_GROUP || (policy.kind !== 'AuthorizationPolicy' && policy.kind !== 'RequestAuthentication')) return false;
    const spec = policy.root.get('spec');
    if (policy.kind === 'AuthorizationPolicy' && !restricts(spec)) return false;
    // Policies bound through targetRef(s) attach to a Gateway or Service, which this rule does not resolve.
    if (spec.get('targetRef').isWritten() || spec.get('targetRefs').isWritten()) return false;
    const selector = spec.get('selector');
    if ((policy.namespace ?? '') === (isvc.namespace ?? '')) return !selector.isWritten() || labelSelectorMatches(selector, labels);
    if (policy.namespace !== ISTIO_ROOT) return false;
    if (!selector.isWritten()) return true;
    return Object.entries(selector.get('matchLabels').stringRecord()).some(([key, value]) => /ingressgateway/.test(`${key}=${value}`));
  });
}

/** An AuthorizationPolicy that restricts something: not AUDIT, and not an ALLOW with an empty rule (`rules: [{}]` allows every request). */
function restricts(spec: Node): boolean {
  const action = spec.get('action').str() ?? 'ALLOW';
  if (action === 'AUDIT') return false;
  return !(action === 'ALLOW' && spec.get('rules').items().some((rule) => rule.isMap() && rule.entries().length === 0));
}

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
      'https://github.com/kserve/kserve/blob/master/pkg/constants/constants.go',
      'https://istio.io/latest/docs/reference/config/security/authorization-policy/',
    ],
    mappings: { stride: ['S', 'I'], atlas: ['AML.T0040', 'AML.T0024'], owasp: ['ML05'], nist: ['SC-7', 'AC-3'] },
    targets: ['k8s:InferenceService'],
    fix: 'none',
    messages: {
      serverlessPublished:
        "InferenceService '{{name}}' runs in Serverless mode without the label `networking.knative.dev/visibility: cluster-local`: Knative publishes it on the external ingress gateway, and no Istio AuthorizationPolicy or RequestAuthentication in the scan applies to its pods.",
      defaultModePublished:
        "InferenceService '{{name}}' sets no `serving.kserve.io/deploymentMode`, so it runs in the cluster's default mode, Serverless unless your cluster's default is RawDeployment; without a `cluster-local` visibility label Knative publishes it on the external ingress gateway, and no Istio AuthorizationPolicy or RequestAuthentication in the scan applies to its pods.",
      rawPublished:
        "InferenceService '{{name}}' runs as RawDeployment {{visibility}}: KServe creates an Ingress (or HTTPRoute) for it on the ingress domain, and no Istio AuthorizationPolicy or RequestAuthentication in the scan applies to its pods.",
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
    let config: KserveClusterConfig | undefined | null = null;
    const clusterConfig = (): KserveClusterConfig | undefined => {
      if (config === null) config = context.model.objects.map(kserveClusterConfig).find((found) => found !== undefined);
      return config;
    };
    return {
      object(object) {
        if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceService') return;
        const labels = object.root.get('metadata', 'labels');
        const knative = labels.get(KNATIVE_VISIBILITY);
        const kserve = labels.get(KSERVE_VISIBILITY);
        // Values that cannot be read (a template, a non-string) are not evidence either way.
        if ((knative.isWritten() && knative.str() === undefined) || (kserve.isWritten() && kserve.str() === undefined)) return;
        // OpenShift AI / ODH: an `exposed` Route and its auth annotation are IG-ML-061's.
        if (kserve.str() === ODH_EXPOSED || object.root.get('metadata', 'annotations', ODH_AUTH).str()?.toLowerCase() === 'true') return;
        const annotation = deploymentMode(object);
        if (annotation.isWritten() && annotation.str() === undefined) return;
        const written = annotation.str();
        const defaulted = written === undefined;
        const mode = modeOf(written ?? clusterConfig()?.defaultDeploymentMode);
        const name = object.name ?? '(unnamed)';
        const podLabels = inferenceServicePodLabels(object, 'predictor');
        if (mode === 'modelmesh' || (written !== undefined && mode === 'other')) return;
        if (mode === 'raw') {
          const ingress = clusterConfig();
          if (kserve.str() === CLUSTER_LOCAL || ingress?.disableIngressCreation === true || ingress?.ingressDomain === 'svc.cluster.local') return;
          if (istioAuthFor(context.model, object, podLabels)) return;
          const visibility = kserve.exists ? `with \`${KSERVE_VISIBILITY}: ${kserve.str() ?? ''}\`` : `without the label \`${KSERVE_VISIBILITY}: cluster-local\``;
          context.report({ messageId: 'rawPublished', data: { name, visibility }, at: kserve.exists ? kserve : annotation.exists ? annotation : labels.get(KSERVE_VISIBILITY) });
          return;
        }
        // Serverless, written or the default. With the mode left to the cluster, either label written as cluster-local says the author keeps it private.
        if (knative.str() === CLUSTER_LOCAL || (defaulted && kserve.str() === CLUSTER_LOCAL)) return;
        if (istioAuthFor(context.model, object, podLabels)) return;
        // At the label that would fix it (or its parent `labels:` / `metadata:` when absent), or at the Serverless annotation.
        context.report({ messageId: defaulted ? 'defaultModePublished' : 'serverlessPublished', data: { name }, at: knative.exists || defaulted ? knative : annotation });
      },
    };
  },
});
