import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { K8sObject } from '../../kubernetes.js';
import { describe, lineOf, modelOf } from './crd-testing.js';
import { rayClusterFacts, rayJobFacts, rayRuntimeEnvs, serveConfigV2 } from './ray.js';

const CLUSTER = `apiVersion: ray.io/v1
kind: RayCluster
metadata:
  name: raycluster-kuberay
spec:
  rayVersion: '2.46.0'
  authOptions:
    mode: token
  headGroupSpec:
    serviceType: LoadBalancer
    enableIngress: true
    rayStartParams:
      dashboard-host: '0.0.0.0'
    template:
      metadata:
        labels: {app: ray-head}
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.46.0
            ports:
              - {containerPort: 8265, name: dashboard}
          - name: fluentbit
            image: fluent/fluent-bit:1.9.6
  workerGroupSpecs:
    - groupName: gpu-group
      replicas: 1
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.46.0-gpu
    - replicas: 1
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.46.0
`;

test('RayCluster: head and one workload per worker group; the Ray container is index 0 and gets probes from KubeRay', () => {
  const model = modelOf(CLUSTER);
  assert.deepEqual(describe(model), [
    'RayCluster/head ray-head 19 [probes=readiness+liveness server]',
    'RayCluster/head fluentbit 23',
    'RayCluster/worker:gpu-group ray-worker 32 [probes=readiness+liveness server]',
    'RayCluster/worker:1 ray-worker 38 [probes=readiness+liveness server]',
  ]);
  assert.equal(model.workloads[0]?.podMetadata.get('labels', 'app').str(), 'ray-head');
});

test('RayCluster readers: rayVersion, head service type, ingress, auth mode, dashboard host', () => {
  const facts = rayClusterFacts(modelOf(CLUSTER).objects[0] as K8sObject);
  assert.deepEqual(
    [facts.rayVersion, facts.headServiceType, facts.enableIngress, facts.authMode, facts.dashboardHost].map((node) => [node.value, lineOf(node)]),
    [
      ['2.46.0', 6],
      ['LoadBalancer', 10],
      [true, 11],
      ['token', 8],
      ['0.0.0.0', 13],
    ],
  );
});

const SERVICE = `apiVersion: ray.io/v1
kind: RayService
metadata:
  name: rayservice-sample
spec:
  serveConfigV2: |
    applications:
      - name: fruit_app
        import_path: fruit.deployment_graph
        route_prefix: /fruit
        runtime_env:
          working_dir: "https://github.com/ray-project/test_dag/archive/78b4a5da38796123d9f9ffff59bab2792a043e95.zip"
  rayClusterConfig:
    rayVersion: '2.46.0'
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.46.0
`;

test('RayService: the cluster template is spec.rayClusterConfig; serveConfigV2 is decoded from its string', () => {
  const model = modelOf(SERVICE);
  assert.deepEqual(describe(model), ['RayService/head ray-head 20 [probes=readiness+liveness server]']);
  const object = model.objects[0] as K8sObject;
  assert.equal(rayClusterFacts(object).rayVersion.str(), '2.46.0');
  const serve = serveConfigV2(object);
  assert.equal(lineOf(serve.node), 6);
  assert.deepEqual(serve.value, {
    applications: [
      {
        name: 'fruit_app',
        import_path: 'fruit.deployment_graph',
        route_prefix: '/fruit',
        runtime_env: { working_dir: 'https://github.com/ray-project/test_dag/archive/78b4a5da38796123d9f9ffff59bab2792a043e95.zip' },
      },
    ],
  });
});

test('serveConfigV2 that is not YAML is an error, not a crash', () => {
  const object = modelOf('apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: broken}\nspec:\n  serveConfigV2: "applications: [unclosed"\n').objects[0] as K8sObject;
  const serve = serveConfigV2(object);
  assert.equal(serve.value, undefined);
  assert.ok(serve.error && serve.error.length > 0);
  const absent = serveConfigV2(modelOf('apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: none}\nspec: {}\n').objects[0] as K8sObject);
  assert.deepEqual([absent.value, absent.error, absent.node.exists], [undefined, undefined, false]);
});

test('RayJob (v1alpha1 too): cluster template at spec.rayClusterSpec, and a submitter pod that runs to completion', () => {
  const model = modelOf(`apiVersion: ray.io/v1alpha1
kind: RayJob
metadata:
  name: rayjob-sample
spec:
  entrypoint: python /home/ray/samples/sample_code.py
  runtimeEnvYAML: |
    pip:
      - requests==2.26.0
    env_vars:
      counter_name: "test_counter"
  rayClusterSpec:
    headGroupSpec:
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.9.0
  submitterPodTemplate:
    spec:
      restartPolicy: Never
      containers:
        - name: my-submitter
          image: rayproject/ray:2.9.0
---
apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: on-existing-cluster
spec:
  entrypoint: python job.py
  clusterSelector:
    ray.io/cluster: long-running
`);
  assert.deepEqual(describe(model), ['RayJob/head ray-head 17 [probes=readiness+liveness server]', 'RayJob/submitter my-submitter 23']);
  assert.equal(model.workloads[1]?.runsToCompletion, true);
  const facts = rayJobFacts(model.objects[0] as K8sObject);
  assert.equal(lineOf(facts.entrypoint), 6);
  assert.deepEqual(facts.runtimeEnv.value, { pip: ['requests==2.26.0'], env_vars: { counter_name: 'test_counter' } });
  assert.equal(rayJobFacts(model.objects[1] as K8sObject).clusterSelector.get('ray.io/cluster').str(), 'long-running');
});

test('runtime_envs of a RayService (applications and deployments) and a RayJob, located inside the literal blocks', () => {
  const model = modelOf(`apiVersion: ray.io/v1
kind: RayService
metadata: {name: svc}
spec:
  serveConfigV2: |
    applications:
      - name: app
        runtime_env:
          pip: [torch]
        deployments:
          - name: Model
            ray_actor_options:
              runtime_env: {working_dir: "s3://bucket/code.zip"}
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job}
spec:
  runtimeEnvYAML: "pip: [numpy]"
`);
  const [service, job] = model.objects as [K8sObject, K8sObject];
  const envs = rayRuntimeEnvs(service);
  assert.deepEqual(
    envs.map((env) => [env.where, lineOf(env.node)]),
    [
      ["application 'app'", 8],
      ["deployment 'Model' of application 'app'", 13],
    ],
  );
  assert.equal(serveConfigV2(service).located, true);
  const workingDir = envs[1]?.node.get('working_dir');
  assert.ok(workingDir);
  assert.equal(lineOf(workingDir), 13);
  const jobEnvs = rayRuntimeEnvs(job);
  assert.deepEqual(jobEnvs.map((env) => env.where), ['runtimeEnvYAML']);
  assert.equal(rayJobFacts(job).runtimeEnv.located, false);
  assert.deepEqual(jobEnvs[0]?.node.get('pip').value, ['numpy']);
});
