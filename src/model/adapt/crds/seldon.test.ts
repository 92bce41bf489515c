import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFragmentContainer } from '../../fragments.js';
import type { K8sObject } from '../../kubernetes.js';
import { describe, lineOf, modelOf } from './crd-testing.js';
import { seldonPredictors, seldonServerFacts } from './seldon.js';

const DEPLOYMENT = `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris-model
  namespace: seldon
spec:
  name: iris
  predictors:
    - name: default
      graph:
        name: transformer
        type: TRANSFORMER
        children:
          - name: classifier
            implementation: SKLEARN_SERVER
            modelUri: gs://seldon-models/v1.19.0-dev/sklearn/iris
            envSecretRefName: seldon-init-container-secret
      componentSpecs:
        - spec:
            containers:
              - name: transformer
                image: example.com/transformer:1.0
              - name: log-shipper
                image: fluent/fluent-bit:1.9.6
        - metadata:
            labels: {tier: model}
          spec:
            containers:
              - name: classifier
                resources:
                  limits: {cpu: "1", memory: 1Gi}
`;

test('SeldonDeployment: one workload per componentSpec; graph-unit containers get probes, a prepackaged server its image', () => {
  const model = modelOf(DEPLOYMENT);
  assert.deepEqual(describe(model), [
    'SeldonDeployment/default/0 transformer 21 [probes=readiness+liveness server]',
    'SeldonDeployment/default/0 log-shipper 23',
    'SeldonDeployment/default/1 classifier 29 [mergedOver=prepackaged server probes=readiness+liveness server]',
  ]);
  assert.equal(model.workloads[1]?.podMetadata.get('labels', 'tier').str(), 'model');
  const classifier = model.workloads[1]?.containers[0];
  assert.ok(classifier);
  assert.equal(isFragmentContainer(classifier), true);
});

test('SeldonDeployment readers: predictors and their graph units, children flattened', () => {
  const [predictor] = seldonPredictors(modelOf(DEPLOYMENT).objects[0] as K8sObject);
  assert.ok(predictor);
  assert.equal(predictor.name.str(), 'default');
  assert.deepEqual(
    predictor.units.map((unit) => [unit.name.str(), unit.implementation.str(), unit.modelUri.str(), lineOf(unit.node)]),
    [
      ['transformer', undefined, undefined, 10],
      ['classifier', 'SKLEARN_SERVER', 'gs://seldon-models/v1.19.0-dev/sklearn/iris', 14],
    ],
  );
  assert.equal(predictor.componentSpecs.length, 2);
});

test('Seldon v2: a ServerConfig is a whole pod; a Server overrides it, so every container and pod-level field is the config’s to set', () => {
  const model = modelOf(`apiVersion: mlops.seldon.io/v1alpha1
kind: ServerConfig
metadata:
  name: mlserver
spec:
  podSpec:
    containers:
      - name: mlserver
        image: seldonio/mlserver:1.6.1
---
apiVersion: mlops.seldon.io/v1alpha1
kind: Server
metadata:
  name: mlserver-custom
spec:
  serverConfig: mlserver
  podSpec:
    containers:
      - name: mlserver
        resources:
          limits: {memory: 4Gi}
---
apiVersion: mlops.seldon.io/v1alpha1
kind: Server
metadata:
  name: mlserver-plain
spec:
  serverConfig: mlserver
`);
  assert.deepEqual(describe(model), ['ServerConfig/server mlserver 8', 'Server/server mlserver 19 [mergedOver=ServerConfig]']);
  assert.deepEqual(
    model.workloads.map((workload) => workload.podFieldsFrom),
    [undefined, 'ServerConfig'],
  );
  assert.equal(seldonServerFacts(model.objects[1] as K8sObject).serverConfig.str(), 'mlserver');
});
