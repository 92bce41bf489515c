import { ruleTester } from '../../testing/rule-tester.js';
import { kserveInferenceServicePublished } from './kserve-inference-service-published.js';

const RAW_ISVC = `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: sklearn
  namespace: models
spec:
  predictor:
    sklearn:
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
`;

function inferenceServiceConfig(ingress: string, deploy: string): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: inferenceservice-config
  namespace: kserve
data:
  ingress: |-
    {
        # comments as in the documented example
        "ingressGateway" : "knative-serving/knative-ingress-gateway",
        ${ingress}
    }
  deploy: |-
    {
      ${deploy}
    }
---
`;
}

ruleTester(kserveInferenceServicePublished, {
  fixtures: 'src/rules/ml/__fixtures__/kserve-inference-service-published',
  valid: [
    {
      name: 'cluster-local per mode, ModelMesh, ODH exposed / enable-auth (IG-ML-061), an AuthorizationPolicy requiring a request principal on the pods',
      file: 'pass-private-or-authenticated.yaml',
    },
    {
      name: 'RawDeployment by the cluster default with ingress creation disabled in inferenceservice-config',
      code: inferenceServiceConfig('"disableIngressCreation": true', '"defaultDeploymentMode": "RawDeployment"') + RAW_ISVC,
    },
    {
      name: 'RawDeployment with the svc.cluster.local ingress domain',
      code: inferenceServiceConfig('"ingressDomain": "svc.cluster.local"', '"defaultDeploymentMode": "Standard"') + RAW_ISVC,
    },
    {
      name: "Knative's config-domain gives routes no public domain: Serverless routes stay in the cluster",
      code:
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config-domain, namespace: knative-serving}\ndata:\n  svc.cluster.local: ""\n---\n' +
        RAW_ISVC.replace('  namespace: models\n', '  namespace: models\n  annotations: {serving.kserve.io/deploymentMode: Serverless}\n'),
    },
    {
      name: 'a mesh-wide deny-all AuthorizationPolicy in the Istio root namespace',
      code: 'apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata: {name: global-deny-all, namespace: istio-system}\nspec: {}\n---\n' + RAW_ISVC,
    },
  ],
  invalid: [
    {
      name: 'Serverless written or by default without the Knative label, the RawDeployment label on Serverless, RawDeployment without / with another visibility; an allow-all policy and a RequestAuthentication alone are not auth',
      file: 'fail-published.yaml',
      errors: [
        { line: 7, messageId: 'serverlessPublished', severity: 'high' },
        { line: 17, messageId: 'defaultModePublished' },
        { line: 30, messageId: 'defaultModePublished' },
        { line: 46, messageId: 'serverlessPublished' },
        { line: 58, messageId: 'rawPublished' },
        { line: 72, messageId: 'rawPublished' },
        { line: 96, messageId: 'defaultModePublished' },
      ],
    },
    {
      name: 'the cluster default from inferenceservice-config (RawDeployment, ingress enabled) decides the mode',
      code: inferenceServiceConfig('"disableIngressCreation": false', '"defaultDeploymentMode": "RawDeployment"') + RAW_ISVC,
      errors: [{ line: 20, messageId: 'rawPublished' }],
    },
  ],
});
