import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubernetesModel, Workload } from '../kubernetes.js';
import { lineOfNode, modelOf } from './ml-testing.js';
import { dashboardExposure, rayAuthOf, rayHeadOf, rayTlsOf } from './ray.js';

function workload(model: KubernetesModel, name: string, role = 'pod'): Workload {
  const found = model.workloads.find((candidate) => candidate.object.name === name && candidate.role === role);
  assert.ok(found, `no workload ${name}/${role}`);
  return found;
}

const KUBERAY = `apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: demo, namespace: ray}
spec:
  rayVersion: "2.52.0"
  headGroupSpec:
    rayStartParams:
      dashboard-port: "8266"
      ray-client-server-port: "10002"
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
            ports: [{containerPort: 8266, name: dashboard}]
          - name: sidecar
            image: fluent/fluent-bit:3.0
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-worker, image: rayproject/ray:2.52.0}]
`;

test('a KubeRay head: ports from rayStartParams, the dashboard on 0.0.0.0 by default; workers and sidecars are no heads', () => {
  const model = modelOf(KUBERAY);
  const head = rayHeadOf(model, workload(model, 'demo', 'head'));
  assert.ok(head);
  assert.equal(head.container.name, 'ray-head');
  assert.equal(head.cluster?.kind, 'RayCluster');
  assert.deepEqual([head.dashboard.number, head.dashboard.name, head.dashboard.host, head.dashboard.local, head.dashboard.enabled], [8266, 'dashboard', '0.0.0.0', false, true]);
  assert.equal(lineOfNode(head.dashboard.declared ?? head.workload.podSpec), 15);
  assert.deepEqual([head.client.number, head.client.declared, head.gcs.number], [10002, undefined, 6379]);
  assert.equal(rayHeadOf(model, workload(model, 'demo', 'worker:gpu')), undefined);
});

test('ray start --head on the command line: flags read there, localhost by default, --include-dashboard, an unreadable host', () => {
  const pod = (command: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  containers:\n    - name: ray\n      image: rayproject/ray:2.52.0\n      command: [sh, -c, "${command}"]\n`;
  const cases: ReadonlyArray<[string, string | undefined, boolean | undefined, boolean | undefined]> = [
    ['ray start --head --block', 'localhost', true, true],
    ['ray start --head --dashboard-host=0.0.0.0 --block', '0.0.0.0', false, true],
    ['ray start --head --dashboard-host $(HOST) --include-dashboard false', undefined, undefined, false],
    ['ray start --head --include-dashboard=maybe', 'localhost', true, undefined],
  ];
  for (const [command, host, local, enabled] of cases) {
    const model = modelOf(pod(command));
    const head = rayHeadOf(model, workload(model, 'p'));
    assert.ok(head, command);
    assert.deepEqual([head.dashboard.host, head.dashboard.local, head.dashboard.enabled], [host, local, enabled], command);
  }
  const worker = modelOf(pod('ray start --address=head:6379 --block'));
  assert.equal(rayHeadOf(worker, workload(worker, 'p')), undefined);
});

test('token authentication: authOptions, RAY_AUTH_MODE, a Secret, a release before 2.52', () => {
  const cluster = (spec: string, image = 'rayproject/ray:2.52.0', env = ''): string =>
    `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: c, namespace: ray}\nspec:\n${spec}  headGroupSpec:\n    template:\n      spec:\n        containers:\n          - name: ray-head\n            image: ${image}\n${env}`;
  const cases: ReadonlyArray<[string, string]> = [
    [cluster('  authOptions: {mode: token}\n'), 'token'],
    [cluster('  authOptions: {mode: disabled}\n'), 'off'],
    [cluster('  authOptions: {mode: disabled}\n', undefined, '            env: [{name: RAY_AUTH_MODE, value: token}]\n'), 'token'],
    [cluster(''), 'off'],
    [cluster('', undefined, '            env: [{name: RAY_AUTH_MODE, valueFrom: {secretKeyRef: {name: s, key: k}}}]\n'), 'unknown'],
    [cluster('', undefined, '            envFrom: [{secretRef: {name: ray-auth}}]\n'), 'unknown'],
    [cluster('  authOptions: {mode: token}\n', 'rayproject/ray:2.46.0'), 'off'],
    [cluster('  rayVersion: "2.40.0"\n  authOptions: {mode: token}\n', 'registry.example.com/ray-app:1'), 'off'],
  ];
  for (const [yaml, state] of cases) {
    const model = modelOf(yaml);
    const head = rayHeadOf(model, workload(model, 'c', 'head'));
    assert.ok(head);
    assert.equal(rayAuthOf(model, head).state, state, yaml);
  }
});

test('dashboard exposure: none for a loopback, disabled or unreadable dashboard', () => {
  const model = modelOf(KUBERAY.replace('    rayStartParams:\n', '    serviceType: NodePort\n    rayStartParams:\n'));
  const head = rayHeadOf(model, workload(model, 'demo', 'head'));
  assert.ok(head);
  assert.equal(dashboardExposure(model, head)?.exposed, true);
  const loopback = modelOf(KUBERAY.replace('    rayStartParams:\n', '    serviceType: NodePort\n    rayStartParams:\n      dashboard-host: localhost\n'));
  const quiet = rayHeadOf(loopback, workload(loopback, 'demo', 'head'));
  assert.ok(quiet);
  assert.equal(dashboardExposure(loopback, quiet), undefined);
});

test('Ray mutual TLS on the head: RAY_USE_TLS', () => {
  const head = (env: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: ray\n      image: rayproject/ray:2.52.0\n      command: [ray, start, --head]\n${env}`;
  const states = ['', '      env: [{name: RAY_USE_TLS, value: "1"}]\n', '      env: [{name: RAY_USE_TLS, value: "0"}]\n', '      envFrom: [{secretRef: {name: tls}}]\n'].map((env) => {
    const model = modelOf(head(env));
    const found = rayHeadOf(model, workload(model, 'p'));
    assert.ok(found);
    return rayTlsOf(model, found).state;
  });
  assert.deepEqual(states, ['off', 'on', 'off', 'unknown']);
});
