import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointerOf } from '../../../parse/kubernetes/types.js';
import { isFragment, isFragmentContainer } from '../../fragments.js';
import type { K8sObject } from '../../kubernetes.js';
import { isClusterScoped } from '../../workload-kinds.js';
import { describe, lineOf, modelOf } from './crd-testing.js';
import { deploymentMode, inferenceGraphSteps, inferenceServiceComponents, llmInferenceServiceFacts, servingRuntimeFacts, visibilityLabels } from './kserve.js';

const ISVC = `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: sklearn-iris
  namespace: models
  labels:
    networking.knative.dev/visibility: cluster-local
spec:
  predictor:
    serviceAccountName: sa-models
    logger:
      mode: all
      url: http://message-dumper.default/
    model:
      modelFormat:
        name: sklearn
      runtime: kserve-sklearnserver
      storageUri: gs://kfserving-examples/models/sklearn/1.0/model
      resources:
        limits: {cpu: "1", memory: 2Gi}
    containers:
      - name: kserve-container
        env: [{name: EXTRA, value: "1"}]
      - name: sidecar
        image: busybox:1.36
  transformer:
    containers:
      - name: kserve-container
        image: kserve/image-transformer:v0.14.0
        args: [--model_name, sklearn-iris]
  explainer:
    art:
      type: SquareAttack
      storageUri: gs://kfserving-examples/models/art/mnist
`;

test('InferenceService: one workload per component; the model spec is kserve-container, merged over the ServingRuntime', () => {
  const model = modelOf(ISVC);
  assert.deepEqual(describe(model), [
    'InferenceService/predictor kserve-container 14 [mergedOver=ServingRuntime probes=readiness server]',
    'InferenceService/predictor kserve-container 22 [mergedOver=ServingRuntime probes=readiness]',
    'InferenceService/predictor sidecar 24 [probes=readiness]',
    'InferenceService/transformer kserve-container 28 [probes=readiness resources]',
    'InferenceService/explainer kserve-container 32 [mergedOver=inferenceservice-config probes=readiness]',
  ]);
  const [predictor, transformer] = model.workloads;
  assert.ok(predictor && transformer);
  assert.equal(pointerOf(predictor.podSpec.path), '/spec/predictor');
  // The predictor is a whole pod once merged; its model container leaves the rest to the runtime.
  assert.equal(isFragment(predictor), false);
  assert.deepEqual(
    predictor.containers.map((container) => isFragmentContainer(container)),
    [true, true, false],
  );
  assert.equal(model.serviceAccountOf(predictor), undefined);
  assert.equal(predictor.podSpec.get('serviceAccountName').str(), 'sa-models');
});

test('InferenceService readers: components, model format and runtime, storage URIs, logger, visibility, deployment mode', () => {
  const object = modelOf(ISVC).objects[0] as K8sObject;
  const components = inferenceServiceComponents(object);
  assert.deepEqual(
    components.map((component) => [component.name, component.implementations.map((implementation) => implementation.key)]),
    [
      ['predictor', ['model']],
      ['transformer', []],
      ['explainer', ['art']],
    ],
  );
  const predictor = components[0];
  assert.ok(predictor);
  const implementation = predictor.implementations[0];
  assert.ok(implementation);
  assert.equal(implementation.modelFormat.str(), 'sklearn');
  assert.equal(implementation.runtime.str(), 'kserve-sklearnserver');
  assert.deepEqual(predictor.storageUris.map((uri) => [uri.str(), lineOf(uri)]), [['gs://kfserving-examples/models/sklearn/1.0/model', 18]]);
  assert.equal(predictor.logger.get('url').str(), 'http://message-dumper.default/');
  assert.equal(lineOf(predictor.serviceAccountName), 10);
  assert.deepEqual(components[2]?.storageUris.map(lineOf), [34]);
  assert.deepEqual(visibilityLabels(object).map((label) => [label.str(), lineOf(label)]), [['cluster-local', 7]]);
  assert.equal(deploymentMode(object).exists, false);
});

test('InferenceService: framework keys are container-like specs; custom predictor containers[0] gets default resources', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: torchserve
  annotations:
    serving.kserve.io/deploymentMode: RawDeployment
spec:
  predictor:
    pytorch:
      storageUri: gs://kfserving-examples/models/torchserve/image_classifier/v1
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: custom
  annotations:
    serving.kserve.io/deploymentMode: Serverless
spec:
  predictor:
    containers:
      - name: logger
        image: example.com/logger:1
      - name: kserve-container
        image: example.com/model-server:1
`);
  assert.deepEqual(describe(model), [
    'InferenceService/predictor kserve-container 9 [mergedOver=ServingRuntime server]',
    'InferenceService/predictor logger 21 [probes=readiness resources]',
    'InferenceService/predictor kserve-container 23 [probes=readiness server]',
  ]);
  assert.equal(deploymentMode(model.objects[0] as K8sObject).str(), 'RawDeployment');
  assert.equal(inferenceServiceComponents(model.objects[0] as K8sObject)[0]?.implementations[0]?.key, 'pytorch');
});

test('InferenceService: ModelMesh has no pod of its own; multi-node predictor workers; InferenceGraph is an object only', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: mm
  annotations: {serving.kserve.io/deploymentMode: ModelMesh}
spec:
  predictor:
    model: {modelFormat: {name: sklearn}, storageUri: "s3://models/sklearn"}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: llama
  annotations: {serving.kserve.io/deploymentMode: Standard}
spec:
  predictor:
    model: {modelFormat: {name: huggingface}, storageUri: "pvc://llama/model"}
    workerSpec:
      pipelineParallelSize: 2
      containers:
        - name: worker-container
          resources: {limits: {nvidia.com/gpu: "1"}}
---
apiVersion: serving.kserve.io/v1alpha1
kind: InferenceGraph
metadata:
  name: graph
spec:
  nodes:
    root:
      routerType: Sequence
      steps:
        - serviceName: sklearn-iris
          name: first
        - serviceUrl: http://xgboost-iris.default.svc.cluster.local/v1/models/xgboost-iris:predict
          name: second
`);
  assert.deepEqual(describe(model), [
    'InferenceService/predictor kserve-container 17 [mergedOver=ServingRuntime server]',
    'InferenceService/predictor-worker worker-container 21 [mergedOver=ServingRuntime]',
  ]);
  const graph = model.objects[2] as K8sObject;
  assert.deepEqual(
    inferenceGraphSteps(graph).map((step) => [step.nodeName, step.routerType.str(), step.serviceName.str() ?? step.serviceUrl.str(), lineOf(step.node)]),
    [
      ['root', 'Sequence', 'sklearn-iris', 33],
      ['root', 'Sequence', 'http://xgboost-iris.default.svc.cluster.local/v1/models/xgboost-iris:predict', 35],
    ],
  );
});

const RUNTIME = `apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata:
  name: kserve-sklearnserver
spec:
  annotations:
    prometheus.kserve.io/port: '8080'
  supportedModelFormats:
    - name: sklearn
      version: "1"
      autoSelect: true
      priority: 1
  protocolVersions: [v1, v2]
  containers:
    - name: kserve-container
      image: kserve/sklearnserver:latest
      args:
        - --model_name={{.Name}}
        - --http_port=8080
      securityContext:
        allowPrivilegeEscalation: false
        privileged: false
        runAsNonRoot: true
        capabilities: {drop: [ALL]}
      resources:
        requests: {cpu: "1", memory: 2Gi}
        limits: {cpu: "1", memory: 2Gi}
`;

test('ClusterServingRuntime: a cluster-scoped workload whose pod-level fields come from each InferenceService', () => {
  const model = modelOf(RUNTIME);
  assert.deepEqual(describe(model), ['ClusterServingRuntime/runtime kserve-container 15 [probes=readiness server]']);
  const [runtime] = model.workloads;
  assert.ok(runtime);
  assert.equal(runtime.podFieldsFrom, 'InferenceService');
  assert.equal(isClusterScoped(runtime.object), true);
  const facts = servingRuntimeFacts(runtime.object);
  assert.equal(facts.clusterScoped, true);
  assert.deepEqual(
    facts.supportedModelFormats.map((format) => [format.name.str(), format.autoSelect.value, lineOf(format.autoSelect)]),
    [['sklearn', true, 11]],
  );
  assert.deepEqual(facts.containers.map(lineOf), [15]);
});

test('LLMInferenceService: main / worker / prefill templates; `main` is merged over the LLMInferenceServiceConfig', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1alpha2
kind: LLMInferenceService
metadata:
  name: llama-pd
spec:
  model:
    uri: hf://meta-llama/Llama-3.2-1B-Instruct
    name: meta-llama/Llama-3.2-1B-Instruct
  router:
    route: {}
  template:
    containers:
      - name: main
        resources: {limits: {nvidia.com/gpu: "1"}}
      - name: proxy
        image: ghcr.io/llm-d/llm-d-routing-sidecar:v0.3.0
  prefill:
    replicas: 2
    template:
      containers:
        - name: main
          image: vllm/vllm-openai:v0.11.0
  worker:
    containers:
      - name: main
`);
  assert.deepEqual(describe(model), [
    'LLMInferenceService/main main 13 [mergedOver=LLMInferenceServiceConfig server]',
    'LLMInferenceService/main proxy 15',
    'LLMInferenceService/worker main 25 [mergedOver=LLMInferenceServiceConfig server]',
    'LLMInferenceService/prefill main 21 [mergedOver=LLMInferenceServiceConfig server]',
  ]);
  assert.deepEqual(model.workloads.map((workload) => workload.podFieldsFrom), [undefined, undefined, undefined]);
  const facts = llmInferenceServiceFacts(model.objects[0] as K8sObject);
  assert.deepEqual(facts.modelUris.map((uri) => [uri.str(), lineOf(uri)]), [['hf://meta-llama/Llama-3.2-1B-Instruct', 7]]);
  assert.equal(lineOf(facts.router), 9);
});

test('LLMInferenceService with baseRefs: every container and the pod-level fields come from the configs', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1alpha1
kind: LLMInferenceService
metadata: {name: llm}
spec:
  model: {uri: "hf://facebook/opt-125m"}
  baseRefs: [{name: my-config}]
  template:
    containers:
      - name: sidecar
        image: busybox:1.36
`);
  assert.deepEqual(describe(model), ['LLMInferenceService/main sidecar 9 [mergedOver=LLMInferenceServiceConfig]']);
  assert.equal(model.workloads[0]?.podFieldsFrom, 'LLMInferenceServiceConfig');
});
