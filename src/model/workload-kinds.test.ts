import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import { runningPodLabels } from './pod-labels.js';

function workloadsOf(text: string): Array<[string, string, readonly string[] | undefined]> {
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('kinds.yaml', text)));
  return model.workloads.flatMap((workload) => workload.containers.map((container): [string, string, readonly string[] | undefined] => [workload.object.kind, container.name, container.defaultProbes]));
}

test('an Argo Rollout with workloadRef has no template: an object, no workload', () => {
  const text = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: rollout-ref}
spec:
  replicas: 5
  workloadRef:
    apiVersion: apps/v1
    kind: Deployment
    name: rollout-ref-deployment
  strategy:
    canary:
      steps: [{setWeight: 20}, {pause: {duration: 10}}]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: rollout-template}
spec:
  template:
    spec:
      containers:
        - {name: app, image: "argoproj/rollouts-demo:blue"}
`;
  assert.deepEqual(workloadsOf(text), [['Rollout', 'app', undefined]]);
});

test('a Knative Service container gets its readiness probe from Knative', () => {
  const text = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: hello}\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/knative/helloworld-go:latest\n';
  assert.deepEqual(workloadsOf(text), [['Service', '', ['readiness']]]);
});

test('a Knative Configuration (spec.template) and Revision (the pod spec itself) are workloads too', () => {
  const configuration = 'apiVersion: serving.knative.dev/v1\nkind: Configuration\nmetadata: {name: hello}\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/knative/helloworld-go:latest\n';
  assert.deepEqual(workloadsOf(configuration), [['Configuration', '', ['readiness']]]);
  const revision = 'apiVersion: serving.knative.dev/v1\nkind: Revision\nmetadata: {name: hello-00001}\nspec:\n  containers:\n    - image: ghcr.io/knative/helloworld-go:latest\n';
  assert.deepEqual(workloadsOf(revision), [['Revision', '', ['readiness']]]);
});

test('a custom resource of an unknown group is no workload, whatever its shape', () => {
  const text = 'apiVersion: example.com/v1\nkind: RayCluster\nmetadata: {name: lookalike}\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers: [{name: a, image: x:1}]\n';
  assert.deepEqual(workloadsOf(text), []);
});

test('a LeaderWorkerSet is one workload per template: the leader (when written) and the workers', () => {
  const text = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm, namespace: llm}
spec:
  replicas: 1
  leaderWorkerTemplate:
    size: 2
    leaderTemplate:
      metadata: {labels: {role: leader}}
      spec:
        containers: [{name: vllm-leader, image: "vllm/vllm-openai:v0.11.0"}]
    workerTemplate:
      spec:
        containers: [{name: vllm-worker, image: "vllm/vllm-openai:v0.11.0"}]
---
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: same, namespace: llm}
spec:
  leaderWorkerTemplate:
    workerTemplate:
      metadata: {labels: {app: same}}
      spec:
        containers: [{name: both, image: "vllm/vllm-openai:v0.11.0"}]
`;
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('lws.yaml', text)));
  assert.deepEqual(
    model.workloads.map((workload) => [workload.object.name, workload.role, workload.containers.map((container) => container.name), workload.podMetadata.get('labels').stringRecord()]),
    [
      ['vllm', 'leader', ['vllm-leader'], { role: 'leader' }],
      ['vllm', 'worker', ['vllm-worker'], {}],
      ['same', 'worker', ['both'], { app: 'same' }],
    ],
  );
});

test("a LeaderWorkerSet's pods carry the set's name label, which NetworkPolicies select on", () => {
  const text = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm, namespace: llm}
spec:
  leaderWorkerTemplate:
    workerTemplate:
      metadata: {labels: {app: vllm}}
      spec:
        containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.0"}]
`;
  const { model } = adaptKubernetes(loadYamlStream(new SourceFile('lws.yaml', text)));
  assert.deepEqual(runningPodLabels(model.workloads[0] as (typeof model.workloads)[0]), { app: 'vllm', 'leaderworkerset.sigs.k8s.io/name': 'vllm' });
});
