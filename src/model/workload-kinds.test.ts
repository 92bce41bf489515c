import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';

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

test('a custom resource of an unknown group is no workload, whatever its shape', () => {
  const text = 'apiVersion: example.com/v1\nkind: RayCluster\nmetadata: {name: lookalike}\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers: [{name: a, image: x:1}]\n';
  assert.deepEqual(workloadsOf(text), []);
});
