import { authOnPath } from '../../model/auth-front.js';
import { SELDON_V1_GROUP, SELDON_V2_GROUP } from '../../model/adapt/crds/seldon.js';
import type { K8sObject, KubernetesModel, Workload } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** The Seldon Core v1 operator's Istio annotation: the gateway its VirtualService for the deployment attaches to. */
const ISTIO_GATEWAY = 'seldon.io/istio-gateway';
const ISTIO_ROOT = 'istio-system';
/** Labels the v1 operator puts on the pods it creates (not written in the SeldonDeployment). */
const OPERATOR_LABELS = ['seldon-deployment-id', 'seldon-app', 'seldon-app-svc', 'seldon.io/model'];

/** `spec.annotations` wins over `metadata.annotations`, as the operator reads them. */
function seldonAnnotation(object: K8sObject, key: string): Node {
  const spec = object.root.get('spec', 'annotations', key);
  return spec.exists ? spec : object.root.get('metadata', 'annotations', key);
}

/**
 * An AuthorizationPolicy that selects pods by a label the operator adds: whether it covers these
 * pods cannot be told from the files, so it is not evidence either way (the rule stays silent).
 */
function policyOnOperatorLabels(model: KubernetesModel, namespace: string | undefined): boolean {
  return model.byType('k8s:AuthorizationPolicy').some((policy) => {
    if (policy.group !== 'security.istio.io' || (policy.namespace !== namespace && policy.namespace !== ISTIO_ROOT)) return false;
    const keys = [...Object.keys(policy.root.get('spec', 'selector', 'matchLabels').stringRecord())];
    return keys.some((key) => OPERATOR_LABELS.includes(key));
  });
}

/**
 * The pods of a SeldonDeployment's predictors. Predictors without `componentSpecs` run a prepackaged
 * server the operator builds whole: their pods carry the predictor's `labels`, so the predictor
 * stands in for the pod metadata.
 */
function seldonPods(model: KubernetesModel, object: K8sObject): Workload[] {
  const workloads = model.workloads.filter((workload) => workload.object === object);
  if (workloads.length > 0) return workloads;
  return object.root
    .get('spec', 'predictors')
    .items()
    .map((predictor, index) => ({ object, podSpec: predictor.get('componentSpecs', 0, 'spec'), podMetadata: predictor, role: predictor.get('name').str() ?? String(index), containers: [] }));
}

export const seldonEndpointExposedWithoutAuth = defineRule({
  meta: {
    id: 'IG-ML-054',
    name: 'seldon-endpoint-exposed-without-auth',
    title: 'Seldon / MLServer model endpoint exposed without authentication',
    severity: 'high',
    rationale:
      "Seldon Core and MLServer authenticate nobody: they rely on the ingress or the mesh. A SeldonDeployment annotated `seldon.io/istio-gateway` gets a VirtualService from the Seldon operator that publishes `/seldon/<namespace>/<name>/` on that Istio gateway, and an MLServer or Seldon model container behind a LoadBalancer, NodePort, Ingress or route is reachable from outside its namespace. Without an Istio `AuthorizationPolicy` or gateway authentication on that path, anyone who reaches it runs inference (model extraction, cost, data in the predictions), and on MLServer can call the model-repository API (`/v2/repository/models/<name>/load` and `/unload`) to take models out of service or load others from its repository.",
    remediation:
      'Require authentication where the traffic enters: an Istio `RequestAuthentication` plus an `AuthorizationPolicy` that requires a request principal on the model pods (or on the ingress gateway), or JWT / OIDC at the Ingress or Gateway (ingress-nginx `auth-url`, an Envoy Gateway `SecurityPolicy`). Keep Services `ClusterIP`, add a NetworkPolicy admitting only the gateway, and set `MLSERVER_DEBUG=false`.',
    references: [
      'https://docs.seldon.ai/mlserver/api-reference/settings',
      'https://docs.seldon.ai/mlserver/examples/model-repository',
      'https://docs.seldon.ai/seldon-core-1/configuration/routing/istio',
      'https://github.com/SeldonIO/seldon-core/blob/master/operator/controllers/istio_ingress.go',
      'https://istio.io/latest/docs/reference/config/security/authorization-policy/',
    ],
    mappings: { stride: ['S', 'T'], atlas: ['AML.T0040', 'AML.T0018'], nist: ['AC-3', 'IA-9'] },
    targets: ['k8s:SeldonDeployment', 'k8s:Workload', 'k8s:Service', 'k8s:Ingress', 'k8s:VirtualService'],
    fix: 'none',
    messages: {
      istioGateway:
        "SeldonDeployment '{{name}}' is published by the Seldon operator on Istio gateway {{gateway}} ({{setting}}) under /seldon/{{namespace}}/{{name}}/, and no Istio AuthorizationPolicy or gateway authentication in the scan guards its pods: anyone who reaches the gateway can call the model.",
      portExposed:
        "Container '{{container}}' ({{server}}) port {{port}} is reachable from outside the namespace ({{hop}}) with no authentication in front: anyone who reaches it can call the model{{extra}}.",
    },
    examples: {
      bad: `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: models
  annotations:
    seldon.io/istio-gateway: istio-system/seldon-gateway
spec:
  predictors:
    - name: default
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
        modelUri: gs://seldon-models/v1.19.0/sklearn/iris
`,
      good: `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: models
  annotations:
    seldon.io/istio-gateway: istio-system/seldon-gateway
spec:
  predictors:
    - name: default
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
        modelUri: gs://seldon-models/v1.19.0/sklearn/iris
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: require-jwt, namespace: models }
spec:
  action: ALLOW
  rules:
    - from:
        - source: { requestPrincipals: ["*"] }
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      object(object) {
        if (object.group !== SELDON_V1_GROUP || object.kind !== 'SeldonDeployment') return;
        const annotation = seldonAnnotation(object, ISTIO_GATEWAY);
        const gateway = annotation.str()?.trim();
        // Without the annotation the operator's Istio / Ambassador settings decide, and they are not in the files.
        if (gateway === undefined || gateway === '' || gateway === 'mesh') return;
        if (policyOnOperatorLabels(model, object.namespace)) return;
        const name = object.name ?? '(unnamed)';
        const namespace = object.namespace ?? '(namespace)';
        const description = `SeldonDeployment ${object.namespace ? `${object.namespace}/` : ''}${name} routed by the operator's VirtualService on gateway ${gateway}`;
        const path: ExposurePath = { kind: 'virtual-service', exposed: true, internetFacing: !/local|internal|private/i.test(gateway), hops: [{ object, at: annotation, description }] };
        // No predictor to judge (none written) is not evidence either; every predictor's pods must be guarded.
        const pods = seldonPods(model, object);
        if (pods.length === 0 || pods.every((workload) => authOnPath(model, workload, path) !== undefined)) return;
        context.report({ messageId: 'istioGateway', data: { name, namespace, gateway, setting: `${ISTIO_GATEWAY}: ${gateway}` }, at: annotation });
      },
      container(container) {
        const object = container.workload.object;
        // KServe runtimes are IG-ML-060's (InferenceService published); a ServerConfig is a template, not pods.
        if (object.group.startsWith('serving.kserve.io') || (object.group === SELDON_V2_GROUP && object.kind === 'ServerConfig')) return;
        const server = modelServerFacts(model, container);
        if (server?.kind !== 'mlserver' && !(server?.kind === 'seldon' && object.group === SELDON_V1_GROUP)) return;
        // MLServer's `host` (`MLSERVER_HOST`, default 0.0.0.0): a loopback address keeps it inside the pod.
        const bind = server.kind === 'mlserver' ? { query: { env: ['MLSERVER_HOST'] }, defaultHost: '0.0.0.0' } : undefined;
        for (const { port, at, open } of unauthenticatedServerPorts(model, server, ['inference'], bind ? { bind } : {})) {
          const extra = server.kind === 'mlserver' ? ', and load or unload models through the model-repository API' : '';
          context.report({ messageId: 'portExposed', data: { container: container.name || '(unnamed)', server: server.info.title, port: port.number, hop: open[0]?.hops[0]?.description ?? 'an exposure path', extra }, at, related: hopsOf(open) });
        }
      },
    };
  },
});
